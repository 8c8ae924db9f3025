package io.fleetcare.api.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    private final LockoutPolicy policy = new LockoutPolicy(5, Duration.ofMinutes(1), Duration.ofHours(1));

    @Test
    void fourFailuresInARowLockNothing() {
        assertThat(policy.lockAfter(4)).isEmpty();
    }

    @Test
    void theFifthFailureLocksForAMinuteAndEachFurtherOneDoublesIt() {
        assertThat(policy.lockAfter(5)).contains(Duration.ofMinutes(1));
        assertThat(policy.lockAfter(6)).contains(Duration.ofMinutes(2));
        assertThat(policy.lockAfter(7)).contains(Duration.ofMinutes(4));
        assertThat(policy.lockAfter(10)).contains(Duration.ofMinutes(32));
    }

    @Test
    void theLockNeverExceedsAnHour() {
        assertThat(policy.lockAfter(11)).contains(Duration.ofHours(1));
        assertThat(policy.lockAfter(1_000_000)).contains(Duration.ofHours(1));
    }
}
