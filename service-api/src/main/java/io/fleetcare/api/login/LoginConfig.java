package io.fleetcare.api.login;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Protection of sign-in: {@code fleetcare.login.*}. After {@link #maxFailures()} failed sign-ins in a row a username
 * is locked for {@link #firstLock()}; each further failure once the lock is over doubles it, up to
 * {@link #maxLock()}; a successful sign-in clears the count. A locked username is refused even with the right
 * password. See docs/security/README.md ("Sign-in").
 */
@ConfigMapping(prefix = "fleetcare.login")
public interface LoginConfig {

    /** Failed sign-ins in a row before the first lock. */
    @WithDefault("5")
    int maxFailures();

    /** The first lock. */
    @WithDefault("PT1M")
    Duration firstLock();

    /** The longest lock. */
    @WithDefault("PT1H")
    Duration maxLock();

    /** A sign-in session of an account from one address ends after this long without a request. */
    @WithDefault("PT30M")
    Duration sessionIdle();

    /** A sign-in session ends this long after it started, however busy. */
    @WithDefault("PT8H")
    Duration sessionMax();
}
