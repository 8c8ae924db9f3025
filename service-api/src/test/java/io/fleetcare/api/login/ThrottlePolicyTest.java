package io.fleetcare.api.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {

    private final ThrottlePolicy policy = new ThrottlePolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(15));

    @Test
    void theFreeFailuresDelayNothing() {
        assertThat(policy.delayAfter(1)).isEmpty();
        assertThat(policy.delayAfter(5)).isEmpty();
    }

    @Test
    void theFirstFailureBeyondTheFreeOnesDelaysASecondAndEachFurtherOneDoublesIt() {
        assertThat(policy.delayAfter(6)).contains(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(7)).contains(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(8)).contains(Duration.ofSeconds(4));
        assertThat(policy.delayAfter(15)).contains(Duration.ofSeconds(512));
    }

    @Test
    void theDelayNeverExceedsTheMaximum() {
        assertThat(policy.delayAfter(16)).contains(Duration.ofMinutes(15));
        assertThat(policy.delayAfter(1_000_000)).contains(Duration.ofMinutes(15));
    }

    @Test
    void aDelayShorterThanTheFirstOrNoneAtAllIsRefused() {
        assertThatThrownBy(() -> new ThrottlePolicy(5, Duration.ZERO, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottlePolicy(5, Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
