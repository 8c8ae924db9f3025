package io.fleetcare.api.login;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Protection of sign-in: {@code fleetcare.login.*}. Failed sign-ins are throttled, never locked: after the free
 * failures of a key the next attempt of that key waits {@link #firstDelay()}, doubled with each further wrong
 * password, up to {@link #maxDelay()} ({@link ThrottlePolicy}); attempts that come too early are answered 429 with
 * {@code Retry-After} without a password check. The keys are username + source address, source address, and
 * username (the last only for addresses the username has not signed in from within {@link #trustedSourceFor()}); see
 * {@link SignInThrottle} and docs/security/README.md ("Sign-in").
 */
@ConfigMapping(prefix = "fleetcare.login")
public interface LoginConfig {

    /** Wrong passwords of one username from one source address before its attempts wait. */
    @WithDefault("5")
    @Min(0)
    int accountAndSourceFreeFailures();

    /** Wrong passwords from one source address, whatever usernames, before its attempts wait. */
    @WithDefault("20")
    @Min(0)
    int sourceFreeFailures();

    /** Wrong passwords of one username, from any addresses, before attempts from untrusted addresses wait. */
    @WithDefault("20")
    @Min(0)
    int accountFreeFailures();

    /** The first wait. */
    @WithDefault("PT1S")
    Duration firstDelay();

    /** The longest wait. */
    @WithDefault("PT15M")
    Duration maxDelay();

    /** A count is forgotten this long after its last wrong password. */
    @WithDefault("PT24H")
    Duration forgetAfter();

    /** A source address where a username signed in successfully is exempt from that username's own wait this long. */
    @WithDefault("P30D")
    Duration trustedSourceFor();

    /** Refused sign-ins are aggregated in the audit trail per this window ({@link RefusalTally}). */
    @WithDefault("PT15M")
    Duration auditWindow();

    /** Each in-memory map of the throttle is pruned of forgotten entries beyond this many. */
    @WithDefault("100000")
    @Min(1)
    int maxTracked();

    /** A sign-in session of an account from one address ends after this long without a request. */
    @WithDefault("PT30M")
    Duration sessionIdle();

    /** A sign-in session ends this long after it started, however busy. */
    @WithDefault("PT8H")
    Duration sessionMax();
}
