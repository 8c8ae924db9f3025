package io.fleetcare.gateway.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UpgradeThrottleTest {

    private static final Instant T0 = Instant.parse("2026-12-08T10:00:00Z");

    private final UpgradeThrottle throttle = new UpgradeThrottle(new UpgradeThrottle.Limits(5, 20, 20,
            Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofDays(30), 1000));

    @Test
    void theSixthWrongPasswordFromOneAddressDelaysThatChargerAtThatAddressOnly() {
        // given
        for (int i = 0; i < 5; i++) {
            throttle.failed("CP-1", "203.0.113.1", T0);
        }
        assertThat(throttle.waitBefore("CP-1", "203.0.113.1", T0)).isEmpty();

        // when
        throttle.failed("CP-1", "203.0.113.1", T0);

        // then
        assertThat(throttle.waitBefore("CP-1", "203.0.113.1", T0)).contains(Duration.ofSeconds(1));
        assertThat(throttle.waitBefore("CP-1", "198.51.100.1", T0)).isEmpty();
        assertThat(throttle.waitBefore("CP-2", "203.0.113.1", T0)).isEmpty();
        assertThat(throttle.waitBefore("CP-1", "203.0.113.1", T0.plusSeconds(1))).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToTheMaximum() {
        assertThat(throttle.delayAfter(5, 5)).isZero();
        assertThat(throttle.delayAfter(6, 5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delayAfter(8, 5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.delayAfter(1_000_000, 5)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void oneAddressGuessingManyChargersWaitsForChargersThatNeverConnectedFromThere() {
        // given
        throttle.succeeded("CP-HOME", "203.0.113.9", T0);
        for (int i = 0; i < 21; i++) {
            throttle.failed("CP-" + i, "203.0.113.9", T0);
        }

        // then
        assertThat(throttle.waitBefore("CP-NEW", "203.0.113.9", T0)).isPresent();
        assertThat(throttle.waitBefore("CP-HOME", "203.0.113.9", T0)).isEmpty();
    }

    @Test
    void manyAddressesGuessingOneChargerDelayNewAddressesButNotTheChargersOwn() {
        // given
        throttle.succeeded("CP-1", "198.51.100.7", T0);
        for (int i = 0; i < 21; i++) {
            throttle.failed("CP-1", "203.0.113." + i, T0);
        }

        // then
        assertThat(throttle.waitBefore("CP-1", "203.0.113.200", T0)).isPresent();
        assertThat(throttle.waitBefore("CP-1", "198.51.100.7", T0)).isEmpty();
    }

    @Test
    void countsAreForgottenADayAfterTheLastFailure() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("CP-1", "203.0.113.1", T0);
        }
        throttle.failed("CP-1", "203.0.113.1", T0.plus(Duration.ofHours(24)));
        assertThat(throttle.waitBefore("CP-1", "203.0.113.1", T0.plus(Duration.ofHours(24)))).isEmpty();
    }
}
