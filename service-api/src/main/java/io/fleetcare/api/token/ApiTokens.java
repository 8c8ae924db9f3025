package io.fleetcare.api.token;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.audit.AuditAction;
import io.fleetcare.api.audit.AuditSubject;
import io.fleetcare.api.audit.AuditTrail;
import io.fleetcare.api.problem.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * API tokens for machine clients (a CRM, a reporting job): an administrator issues a named token with roles and an
 * expiry, the secret is shown once and only its SHA-256 is kept ({@link TokenSecret}); a revoked or expired token is
 * refused from that moment on every instance, since every call looks the hash up in {@code api_token} (one read by
 * a unique index, no bcrypt). The last use is written at most once per {@link #LAST_USE_RESOLUTION} per token and
 * instance, not once per call. Issue and revocation are audited ({@code WRITE API_TOKEN}).
 */
@ApplicationScoped
public class ApiTokens {

    /** The longest an API token may be valid. */
    public static final Duration LONGEST_VALIDITY = Duration.ofDays(366);
    /** How stale the listed last use may be. */
    static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(ApiTokens.class);
    private static final String COLUMNS = "id, name, hint, roles, issued_by, issued_at, expires_at, last_used_at, "
            + "revoked_by, revoked_at";

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final Clock clock;
    /** Token id -> when this instance last wrote its last use. */
    private final Map<Long, Instant> lastUseWritten = new ConcurrentHashMap<>();

    @Inject
    public ApiTokens(DataSource dataSource, AuditTrail audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Issues a token.
     *
     * @param roles never empty, never {@link Role#TOP_MANAGER}
     * @throws InvalidRequestException for TOP_MANAGER, an expiry not in the future or too far ahead
     */
    @Transactional
    public IssuedApiTokenView issue(String name, Set<Role> roles, Instant expiresAt, Caller administrator) {
        Instant now = now();
        if (roles.contains(Role.TOP_MANAGER)) {
            throw new InvalidRequestException("An API token cannot hold TOP_MANAGER: the top manager decides class-1 "
                    + "access in person (seed 000 §3.6.1).");
        }
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(LONGEST_VALIDITY))) {
            throw new InvalidRequestException("expiresAt must lie in the future and at most " + LONGEST_VALIDITY.toDays()
                    + " days ahead.");
        }
        String secret = TokenSecret.generate();
        long id;
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO api_token (name, hint, secret_hash, roles, issued_by, issued_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            insert.setString(1, name);
            insert.setString(2, TokenSecret.hint(secret));
            insert.setBytes(3, TokenSecret.hash(secret));
            insert.setArray(4, c.createArrayOf("text", roles.stream().map(Role::name).sorted().toArray()));
            insert.setString(5, administrator.username());
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setTimestamp(7, Timestamp.from(expiresAt.truncatedTo(ChronoUnit.MILLIS)));
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store API token " + name, e);
        }
        audit.record(AuditAction.WRITE, administrator.username(), AuditSubject.API_TOKEN, Long.toString(id), null,
                "issued API token " + name + " with " + roles + " until " + expiresAt);
        LOG.infof("API token %d (%s) issued by %s with %s until %s", id, name, administrator.username(), roles,
                expiresAt);
        return new IssuedApiTokenView(secret, get(id));
    }

    /** Every token, latest issued first; never null. */
    public List<ApiTokenView> list() {
        return query("SELECT " + COLUMNS + " FROM api_token ORDER BY issued_at DESC, id DESC", null);
    }

    /** @throws ApiTokenNotFoundException when there is no such token */
    public ApiTokenView get(long tokenId) {
        return query("SELECT " + COLUMNS + " FROM api_token WHERE id = ?", tokenId).stream().findFirst()
                .orElseThrow(() -> new ApiTokenNotFoundException(Long.toString(tokenId)));
    }

    /**
     * Revokes a token: it is refused from now on. Revoking a revoked token changes nothing and answers it as it is.
     *
     * @throws ApiTokenNotFoundException when there is no such token
     */
    @Transactional
    public ApiTokenView revoke(long tokenId, Caller administrator) {
        int changed;
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")) {
            update.setTimestamp(1, Timestamp.from(now()));
            update.setString(2, administrator.username());
            update.setLong(3, tokenId);
            changed = update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not revoke API token " + tokenId, e);
        }
        ApiTokenView token = get(tokenId);
        if (changed == 1) {
            audit.record(AuditAction.WRITE, administrator.username(), AuditSubject.API_TOKEN, Long.toString(tokenId),
                    null, "revoked API token " + token.name());
            LOG.infof("API token %d (%s) revoked by %s", tokenId, token.name(), administrator.username());
        }
        return token;
    }

    /**
     * The active token whose secret this is, for signing a call in; records its use (at most once a minute).
     * Blocking: one indexed read, and now and then one update.
     *
     * @param secret as sent by the client; may be anything
     * @return empty when no active token has this secret (unknown, malformed, expired or revoked)
     */
    public Optional<SignedInToken> verify(String secret) {
        if (!TokenSecret.wellFormed(secret)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            SignedInToken token;
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, name, roles FROM api_token WHERE secret_hash = ? AND revoked_at IS NULL "
                            + "AND expires_at > ?")) {
                select.setBytes(1, TokenSecret.hash(secret));
                select.setTimestamp(2, Timestamp.from(now));
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    token = new SignedInToken(rs.getLong(1), rs.getString(2), roles(rs.getArray(3)));
                }
            }
            recordUse(c, token.tokenId(), now);
            return Optional.of(token);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not verify an API token", e);
        }
    }

    private void recordUse(Connection c, long tokenId, Instant now) throws SQLException {
        Instant written = lastUseWritten.get(tokenId);
        if (written != null && written.plus(LAST_USE_RESOLUTION).isAfter(now)) {
            return;
        }
        lastUseWritten.put(tokenId, now);
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE api_token SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")) {
            Timestamp at = Timestamp.from(now.truncatedTo(ChronoUnit.MILLIS));
            update.setTimestamp(1, at);
            update.setLong(2, tokenId);
            update.setTimestamp(3, at);
            update.executeUpdate();
        }
    }

    private List<ApiTokenView> query(String sql, Long id) {
        Instant now = now();
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            if (id != null) {
                select.setLong(1, id);
            }
            List<ApiTokenView> views = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Instant expiresAt = instant(rs, 7);
                    Instant revokedAt = instant(rs, 10);
                    TokenStatus status = revokedAt != null ? TokenStatus.REVOKED
                            : expiresAt.isAfter(now) ? TokenStatus.ACTIVE : TokenStatus.EXPIRED;
                    views.add(new ApiTokenView(rs.getLong(1), rs.getString(2), rs.getString(3), roles(rs.getArray(4)),
                            status, rs.getString(5), instant(rs, 6), expiresAt, instant(rs, 8), rs.getString(9),
                            revokedAt));
                }
            }
            return views;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read API tokens", e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : (Object[]) array.getArray()) {
            roles.add(Role.valueOf((String) name));
        }
        return roles;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * A token that signed a call in.
     *
     * @param name  the token's name; the call's principal is {@code token:<name>}
     * @param roles never empty
     */
    public record SignedInToken(long tokenId, String name, Set<Role> roles) {

        /** The name audit entries and records carry for calls signed in with this token. */
        public String principal() {
            return "token:" + name;
        }
    }
}
