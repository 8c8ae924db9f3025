package io.fleetcare.api.login;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a username is locked after its n-th failed sign-in in a row: nothing below the threshold, then the first
 * lock, doubled with each further failure, capped. Pure.
 *
 * @param maxFailures failures tolerated before the first lock; at least 1
 * @param firstLock   positive
 * @param maxLock     at least {@code firstLock}
 */
public record LockoutPolicy(int maxFailures, Duration firstLock, Duration maxLock) {

    public LockoutPolicy {
        if (maxFailures < 1 || firstLock.isNegative() || firstLock.isZero() || maxLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("lockout needs maxFailures >= 1 and 0 < firstLock <= maxLock");
        }
    }

    /** @param failures failed sign-ins in a row, this one included */
    public Optional<Duration> lockAfter(int failures) {
        if (failures < maxFailures) {
            return Optional.empty();
        }
        int doublings = failures - maxFailures;
        Duration lock = firstLock;
        for (int i = 0; i < doublings && lock.compareTo(maxLock) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return Optional.of(lock.compareTo(maxLock) > 0 ? maxLock : lock);
    }
}
