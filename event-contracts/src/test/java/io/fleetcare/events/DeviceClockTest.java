package io.fleetcare.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceClockTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-08T01:00:00Z");
    private final DeviceClock clock = new DeviceClock(Duration.ofMinutes(5));

    @Test
    void aClockWithinTheToleranceKeepsTheDeviceTime() {
        DeviceEvent checked = clock.check(event(RECEIVED.minusSeconds(300)));

        assertThat(checked.deviceTs()).isEqualTo(RECEIVED.minusSeconds(300));
        assertThat(checked.reportedTs()).isEqualTo(RECEIVED.minusSeconds(300));
        assertThat(checked.clockSkewed()).isFalse();
        assertThat(clock.eventTime(event(RECEIVED.minusSeconds(300)))).isEqualTo(RECEIVED.minusSeconds(300));
        assertThat(DeviceClock.offset(checked)).isEqualTo(Duration.ofMinutes(-5));
    }

    @Test
    void aClockBackIn1970GetsTheReceiveTimeAndKeepsWhatItReported() {
        DeviceEvent checked = clock.check(event(Instant.EPOCH));

        assertThat(checked.deviceTs()).isEqualTo(RECEIVED);
        assertThat(checked.reportedTs()).isEqualTo(Instant.EPOCH);
        assertThat(checked.clockSkewed()).isTrue();
        assertThat(clock.eventTime(event(Instant.EPOCH))).isEqualTo(RECEIVED);
    }

    @Test
    void aClockOneMillisecondBeyondTheToleranceAheadIsSkewed() {
        DeviceEvent checked = clock.check(event(RECEIVED.plusSeconds(300).plusMillis(1)));

        assertThat(checked.deviceTs()).isEqualTo(RECEIVED);
        assertThat(checked.clockSkewed()).isTrue();
    }

    @Test
    void anEventWithoutADeviceTimeHasNoReportedTime() {
        DeviceEvent event = event(null);

        assertThat(clock.check(event)).isSameAs(event);
        assertThat(DeviceClock.offset(event)).isNull();
    }

    @Test
    void checkingTwiceChangesNothingAndAnotherToleranceDecidesAnew() {
        DeviceEvent once = clock.check(event(RECEIVED.plus(Duration.ofMinutes(10))));

        assertThat(clock.check(once)).isSameAs(once);
        DeviceEvent lenient = new DeviceClock(Duration.ofHours(1)).check(once);
        assertThat(lenient.deviceTs()).isEqualTo(RECEIVED.plus(Duration.ofMinutes(10)));
        assertThat(lenient.clockSkewed()).isFalse();
    }

    @Test
    void describesAnOffsetInItsLargestUnitWithItsDirection() {
        assertThat(DeviceClock.describe(Duration.between(RECEIVED, RECEIVED.plus(Duration.ofDays(4 * 365 + 1)))))
                .isEqualTo("4 years ahead");
        assertThat(DeviceClock.describe(Duration.between(RECEIVED, Instant.EPOCH))).isEqualTo("56 years behind");
        assertThat(DeviceClock.describe(Duration.ofHours(-49))).isEqualTo("2 days behind");
        assertThat(DeviceClock.describe(Duration.ofMinutes(61))).isEqualTo("1 hour ahead");
        assertThat(DeviceClock.describe(Duration.ofSeconds(-420))).isEqualTo("7 minutes behind");
    }

    @Test
    void refusesAToleranceThatIsNotPositive() {
        assertThatThrownBy(() -> new DeviceClock(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private static DeviceEvent event(Instant deviceTs) {
        return new DeviceEvent("e-1", "STB-1", DeviceType.SET_TOP_BOX, null, Protocol.MQTT, EventKind.METRICS,
                deviceTs, RECEIVED, Map.of("cpu_temp_c", 50.0), null, null);
    }
}
