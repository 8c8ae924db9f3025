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
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Decides sign-ins: first, without a thread of its own or a database connection, whether the attempt has to wait
 * ({@link #waitBefore}, {@link SignInThrottle}); then the password against the account's bcrypt hash
 * ({@link #signIn}). Audits them without letting an attacker grow the trail at will ({@link RefusalTally}): the
 * first wrong password of a username + source per audit window ({@code LOGIN_FAILED}), one aggregate row per tally
 * key and window for every further refusal ({@code LOGIN_LOCKED}), and the first request of each sign-in session
 * ({@code LOGIN}). HTTP Basic sends the password with every request, so a "session" is the run of requests of one
 * account from one address without a pause longer than {@link LoginConfig#sessionIdle()}, at most
 * {@link LoginConfig#sessionMax()} long. Throttle, tally and sessions live in memory of this instance.
 */
@ApplicationScoped
public class LoginGuard {

    private static final Logger LOG = Logger.getLogger(LoginGuard.class);
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
    private SignInThrottle throttle;
    private RefusalTally tally;
    private ScheduledExecutorService flusher;
    private String decoyHash;

    @PostConstruct
    void init() {
        throttle = new SignInThrottle(
                new ThrottlePolicy(config.accountAndSourceFreeFailures(), config.firstDelay(), config.maxDelay()),
                new ThrottlePolicy(config.sourceFreeFailures(), config.firstDelay(), config.maxDelay()),
                new ThrottlePolicy(config.accountFreeFailures(), config.firstDelay(), config.maxDelay()),
                config.trustedSourceFor(), config.forgetAfter(), config.maxTracked());
        tally = new RefusalTally(config.auditWindow());
        decoyHash = BcryptUtil.bcryptHash("decoy-" + System.nanoTime());
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "login-refusal-audit");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(() -> {
            try {
                auditEndedWindows(clock.instant());
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not write the aggregated sign-in refusals; retried in a minute");
            }
        }, 1, 1, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        flusher.shutdownNow();
    }

    /**
     * Whether a sign-in has to wait before its password may be checked; if so, counts it for the audit trail. In
     * memory only: safe on the event loop.
     *
     * @return how long until it may be checked; empty when now
     */
    Optional<Duration> waitBefore(String rawUsername, RequestOrigin origin) {
        String username = bounded(rawUsername);
        Instant now = clock.instant();
        Optional<SignInThrottle.Wait> wait = throttle.waitBefore(username, origin.remoteAddress(), now);
        wait.ifPresent(w -> tally.tooEarly(switch (w.scope()) {
            case ACCOUNT_AND_SOURCE -> new RefusalTally.Key(username, origin.remoteAddress());
            case SOURCE -> new RefusalTally.Key(RefusalTally.ANY, origin.remoteAddress());
            case ACCOUNT -> new RefusalTally.Key(username, RefusalTally.ANY);
        }, origin.endpoint(), now));
        return wait.map(SignInThrottle.Wait::retryAfter);
    }

    /**
     * Checks the password of one sign-in in its own transaction, so that the audit entry stays even when the sign-in
     * is refused.
     */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    SignInOutcome signIn(UsernamePasswordAuthenticationRequest request, RequestOrigin origin) {
        String username = bounded(request.getUsername());
        Optional<Account> account = accounts.findByUsername(username);
        List<?> hash = entityManager.createNativeQuery("SELECT password_hash FROM account WHERE username = ?1")
                .setParameter(1, username).getResultList();
        Optional<QuarkusSecurityIdentity.Builder> checked = check(hash.isEmpty() ? decoyHash : (String) hash.get(0),
                request);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (account.isEmpty() || checked.isEmpty()) {
            Optional<Duration> wait = throttle.failed(username, origin.remoteAddress(), now);
            if (tally.wrongPassword(new RefusalTally.Key(username, origin.remoteAddress()), origin.endpoint(), now)) {
                audit.record(AuditAction.LOGIN_FAILED, username, AuditSubject.ACCOUNT, username, null,
                        "wrong password or unknown username"
                                + wait.map(d -> "; next attempt from this address waits " + d).orElse("")
                                + "; further refusals until " + windowEnd(now) + " are counted in one entry",
                        origin);
            }
            return SignInOutcome.refused(wait.orElse(null));
        }
        throttle.succeeded(username, origin.remoteAddress(), now);
        if (startsSession(username, origin, now)) {
            audit.record(AuditAction.LOGIN, username, AuditSubject.ACCOUNT, username, null, null, origin);
        }
        QuarkusSecurityIdentity.Builder identity = checked.get();
        for (Role role : account.get().roles()) {
            identity.addRole(role.name());
        }
        return new SignInOutcome(identity.build(), null);
    }

    /**
     * Writes one {@code LOGIN_LOCKED} entry per tally key for every audit window over by {@code now} that counted
     * further refusals. Runs every minute; tests call it with a later instant.
     *
     * @return the entries written
     */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int auditEndedWindows(Instant now) {
        List<RefusalTally.Aggregate> ended = tally.drainEnded(now);
        for (RefusalTally.Aggregate a : ended) {
            String actor = a.key().username();
            audit.record(AuditAction.LOGIN_LOCKED, actor, AuditSubject.ACCOUNT,
                    RefusalTally.ANY.equals(actor) ? null : actor, null,
                    "refusals=" + a.refusals() + " (wrong password " + a.wrongPasswords() + ", too early "
                            + a.tooEarly() + ") from " + a.first() + " to " + a.last() + " in window "
                            + a.windowStart() + "/" + a.windowEnd()
                            + (RefusalTally.ANY.equals(a.key().source()) ? " from any address" : ""),
                    new RequestOrigin(a.endpoint(), RefusalTally.ANY.equals(a.key().source()) ? null
                            : a.key().source()));
        }
        return ended.size();
    }

    private Instant windowEnd(Instant now) {
        long w = config.auditWindow().toMillis();
        return Instant.ofEpochMilli((Math.floorDiv(now.toEpochMilli(), w) + 1) * w);
    }

    private static String bounded(String username) {
        return username.length() > MAX_NAME ? username.substring(0, MAX_NAME) : username;
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

    private record Session(Instant startedAt, Instant lastSeen) {
    }
}
