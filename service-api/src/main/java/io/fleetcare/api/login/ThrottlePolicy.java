package io.fleetcare.api.login;

import java.time.Duration;
import java.util.Optional;

/**
 * How long the next attempt of one throttle key waits after its n-th recent failed sign-in: nothing for the first
 * {@code freeFailures}, then {@code firstDelay}, doubled with each further failure, capped at {@code maxDelay}.
 * Attempts refused while a delay runs are not failures (nobody checked their password), so hammering does not grow
 * the delay; only passwords actually found wrong do. Pure.
 *
 * @param freeFailures failures without a delay; at least 0
 * @param firstDelay   positive
 * @param maxDelay     at least {@code firstDelay}
 */
public record ThrottlePolicy(int freeFailures, Duration firstDelay, Duration maxDelay) {

    public ThrottlePolicy {
        if (freeFailures < 0 || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("a throttle needs freeFailures >= 0 and 0 < firstDelay <= maxDelay");
        }
    }

    /** @param failures recent failures of the key, this one included; empty when the next attempt need not wait */
    public Optional<Duration> delayAfter(int failures) {
        if (failures <= freeFailures) {
            return Optional.empty();
        }
        int doublings = failures - freeFailures - 1;
        Duration delay = firstDelay;
        for (int i = 0; i < doublings && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
    }
}
