package io.fleetcare.api.login;

import io.fleetcare.api.account.Account;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.audit.AuditAction;
import io.fleetcare.api.audit.AuditSubject;
import io.fleetcare.api.audit.AuditTrail;
import io.fleetcare.api.audit.RequestOrigin;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.jpa.common.runtime.JpaIdentityProviderUtil;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a sign-in against the account's bcrypt hash, with lockout after repeated failures ({@link LoginConfig}),
 * and audits it: every failure ({@code LOGIN_FAILED}), every refusal of a locked name ({@code LOGIN_LOCKED}) and
 * the first request of each sign-in session ({@code LOGIN}). HTTP Basic sends the password with every request, so
 * a "session" is the run of requests of one account from one address without a pause longer than
 * {@link LoginConfig#sessionIdle()}, at most {@link LoginConfig#sessionMax()} long. The failure count lives in the
 * database (shared by every instance); the session window in memory (per instance).
 */
@ApplicationScoped
public class LoginGuard {

    private static final int MAX_NAME = 200;

    @Inject
    AccountRepository accounts;

    @Inject
    EntityManager entityManager;

    @Inject
    AuditTrail audit;

    @Inject
    LoginConfig config;

    @Inject
    Clock clock;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private LockoutPolicy policy;
    private String decoyHash;

    @PostConstruct
    void init() {
        policy = new LockoutPolicy(config.maxFailures(), config.firstLock(), config.maxLock());
        decoyHash = BcryptUtil.bcryptHash("decoy-" + System.nanoTime());
    }

    /**
     * Decides one sign-in in its own transaction, so that the audit entry and the failure count stay even when the
     * sign-in is refused.
     */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    SignInOutcome signIn(UsernamePasswordAuthenticationRequest request, RequestOrigin origin) {
        String username = request.getUsername().length() > MAX_NAME ? request.getUsername().substring(0, MAX_NAME)
                : request.getUsername();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<?> state = entityManager.createNativeQuery(
                "SELECT failures, locked_until FROM login_guard WHERE username = ?1 FOR UPDATE")
                .setParameter(1, username).getResultList();
        int failures = state.isEmpty() ? 0 : ((Number) ((Object[]) state.get(0))[0]).intValue();
        Instant lockedUntil = state.isEmpty() ? null : instant(((Object[]) state.get(0))[1]);
        if (lockedUntil != null && now.isBefore(lockedUntil)) {
            audit.record(AuditAction.LOGIN_LOCKED, username, AuditSubject.ACCOUNT, username, null,
                    "locked until " + lockedUntil, origin);
            return SignInOutcome.REFUSED;
        }
        Optional<Account> account = accounts.findByUsername(username);
        List<?> hash = entityManager.createNativeQuery("SELECT password_hash FROM account WHERE username = ?1")
                .setParameter(1, username).getResultList();
        Optional<QuarkusSecurityIdentity.Builder> checked = check(hash.isEmpty() ? decoyHash : (String) hash.get(0),
                request);
        if (account.isEmpty() || checked.isEmpty()) {
            int failed = failures + 1;
            Optional<Duration> lock = policy.lockAfter(failed);
            entityManager.createNativeQuery("""
                    INSERT INTO login_guard (username, failures, last_failure_at, locked_until)
                    VALUES (?1, ?2, ?3, CAST(?4 AS timestamptz))
                    ON CONFLICT (username) DO UPDATE
                    SET failures = EXCLUDED.failures, last_failure_at = EXCLUDED.last_failure_at,
                        locked_until = EXCLUDED.locked_until""")
                    .setParameter(1, username).setParameter(2, failed).setParameter(3, now)
                    .setParameter(4, lock.map(d -> now.plus(d).toString()).orElse(null))
                    .executeUpdate();
            audit.record(AuditAction.LOGIN_FAILED, username, AuditSubject.ACCOUNT, username, null,
                    "failure " + failed + " in a row" + lock.map(d -> "; locked for " + d).orElse(""), origin);
            return SignInOutcome.REFUSED;
        }
        if (failures > 0) {
            entityManager.createNativeQuery("DELETE FROM login_guard WHERE username = ?1").setParameter(1, username)
                    .executeUpdate();
        }
        if (startsSession(username, origin, now)) {
            audit.record(AuditAction.LOGIN, username, AuditSubject.ACCOUNT, username, null, null, origin);
        }
        QuarkusSecurityIdentity.Builder identity = checked.get();
        for (Role role : account.get().roles()) {
            identity.addRole(role.name());
        }
        return new SignInOutcome(identity.build());
    }

    private static Optional<QuarkusSecurityIdentity.Builder> check(String hash,
            UsernamePasswordAuthenticationRequest request) {
        try {
            return Optional.of(JpaIdentityProviderUtil.checkPassword(JpaIdentityProviderUtil.getMcfPassword(hash),
                    request));
        } catch (AuthenticationFailedException e) {
            return Optional.empty();
        }
    }

    private boolean startsSession(String username, RequestOrigin origin, Instant now) {
        String key = username + "|" + origin.remoteAddress();
        boolean[] started = {false};
        sessions.compute(key, (k, session) -> {
            if (session == null || !now.isBefore(session.lastSeen().plus(config.sessionIdle()))
                    || !now.isBefore(session.startedAt().plus(config.sessionMax()))) {
                started[0] = true;
                return new Session(now, now);
            }
            return new Session(session.startedAt(), now);
        });
        if (sessions.size() > 10_000) {
            sessions.entrySet().removeIf(e -> !now.isBefore(e.getValue().lastSeen().plus(config.sessionIdle())));
        }
        return started[0];
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private record Session(Instant startedAt, Instant lastSeen) {
    }
}
