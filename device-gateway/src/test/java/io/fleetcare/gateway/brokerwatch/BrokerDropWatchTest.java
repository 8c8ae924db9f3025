package io.fleetcare.gateway.brokerwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrokerDropWatchTest {

    private static final String BROKER = "mqtt-broker@10.0.0.5:1883";
    private static final Instant T0 = Instant.parse("2026-12-07T16:00:00Z");
    private static final Duration CLEAR_AFTER = Duration.ofMinutes(5);

    private final BrokerDropWatch watch = new BrokerDropWatch(BROKER, CLEAR_AFTER);

    @Test
    void aCounterThatStaysAtZeroRaisesNothing() {
        assertThat(watch.counterRead(0, T0)).isEmpty();
        assertThat(watch.counterRead(0, T0.plusSeconds(2))).isEmpty();
        assertThat(watch.tick(T0.plus(CLEAR_AFTER).plusSeconds(10))).isEmpty();

        assertThat(watch.counterSeen()).isTrue();
        assertThat(watch.droppedTotal()).isZero();
    }

    @Test
    void theFirstDropsRaiseOneMajorAlertNamingTheBrokerAndTheCount() {
        watch.counterRead(0, T0);

        Alert raised = watch.counterRead(20, T0.plusSeconds(2)).orElseThrow();

        assertThat(raised.state()).isEqualTo(Alert.State.RAISED);
        assertThat(raised.deviceId()).isEqualTo(BROKER);
        assertThat(raised.deviceType()).isEqualTo(DeviceType.PLATFORM_COMPONENT);
        assertThat(raised.ruleId()).isEqualTo(BrokerDropWatch.RULE_ID);
        assertThat(raised.severity()).isEqualTo(Severity.MAJOR);
        assertThat(raised.episodeStart()).isEqualTo(T0.plusSeconds(2));
        assertThat(raised.message()).contains(BROKER).contains("dropped 20 messages");
        assertThat(raised.evidence()).containsExactly(
                Evidence.reading(T0.plusSeconds(2), BrokerDropWatch.DROPPED_METRIC, 20),
                Evidence.reading(T0.plusSeconds(2), BrokerDropWatch.COUNTER_METRIC, 20));
        assertThat(watch.droppedTotal()).isEqualTo(20);
    }

    @Test
    void moreDropsInTheSameEpisodeAreCountedButNotRaisedAgain() {
        watch.counterRead(0, T0);
        watch.counterRead(20, T0.plusSeconds(2)).orElseThrow();

        assertThat(watch.counterRead(50, T0.plusSeconds(4))).isEmpty();
        assertThat(watch.counterRead(50, T0.plusSeconds(6))).isEmpty();
        assertThat(watch.tick(T0.plusSeconds(4).plus(CLEAR_AFTER).minusSeconds(1))).isEmpty();

        assertThat(watch.droppedTotal()).isEqualTo(50);
    }

    @Test
    void anEpisodeClearsAfterTheQuietPeriodWithItsTotalAndTheSameAlertId() {
        watch.counterRead(0, T0);
        Alert raised = watch.counterRead(20, T0.plusSeconds(2)).orElseThrow();
        watch.counterRead(50, T0.plusSeconds(4));

        Alert cleared = watch.tick(T0.plusSeconds(4).plus(CLEAR_AFTER)).orElseThrow();

        assertThat(cleared.state()).isEqualTo(Alert.State.CLEARED);
        assertThat(cleared.alertId()).isEqualTo(raised.alertId());
        assertThat(cleared.episodeStart()).isEqualTo(raised.episodeStart());
        assertThat(cleared.message()).contains(BROKER).contains("50 dropped in this episode");
        assertThat(cleared.evidence()).first().isEqualTo(
                Evidence.reading(T0.plusSeconds(4).plus(CLEAR_AFTER), BrokerDropWatch.DROPPED_METRIC, 50));
        assertThat(watch.tick(T0.plusSeconds(4).plus(CLEAR_AFTER).plusSeconds(1))).isEmpty();
    }

    @Test
    void dropsAfterAClearedEpisodeOpenANewOne() {
        watch.counterRead(0, T0);
        Alert first = watch.counterRead(20, T0.plusSeconds(2)).orElseThrow();
        watch.tick(T0.plusSeconds(2).plus(CLEAR_AFTER)).orElseThrow();

        Alert second = watch.counterRead(21, T0.plusSeconds(400)).orElseThrow();

        assertThat(second.alertId()).isNotEqualTo(first.alertId());
        assertThat(second.message()).contains("dropped 1 messages");
        assertThat(watch.droppedTotal()).isEqualTo(21);
    }

    @Test
    void dropsBeforeTheFirstReadingAreLossTooAndRaised() {
        Optional<Alert> raised = watch.counterRead(300, T0);

        assertThat(raised).get().satisfies(alert -> {
            assertThat(alert.message()).contains(BROKER).contains("dropped 300 messages since it started");
            assertThat(alert.evidence()).first()
                    .isEqualTo(Evidence.reading(T0, BrokerDropWatch.DROPPED_METRIC, 300));
        });
        assertThat(watch.droppedTotal()).isEqualTo(300);
    }

    @Test
    void aCounterThatGoesBackMeansTheBrokerRestartedAndItsReadingIsNewDrops() {
        watch.counterRead(100, T0);
        watch.tick(T0.plus(CLEAR_AFTER)).orElseThrow();

        Alert afterRestart = watch.counterRead(7, T0.plusSeconds(600)).orElseThrow();

        assertThat(afterRestart.message()).contains("dropped 7 messages");
        assertThat(watch.droppedTotal()).isEqualTo(107);
    }

    @Test
    void refusesNegativeCountsAndBlankNames() {
        assertThatThrownBy(() -> watch.counterRead(-1, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BrokerDropWatch(" ", CLEAR_AFTER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BrokerDropWatch(BROKER, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBrokerNameDefaultsToHostAndPortOfTheServerUri() {
        assertThat(BrokerDropMonitor.brokerName(Optional.empty(), "tcp://127.0.0.1:41883"))
                .isEqualTo("mqtt-broker@127.0.0.1:41883");
        assertThat(BrokerDropMonitor.brokerName(Optional.of("broker-eu-1"), "tcp://127.0.0.1:41883"))
                .isEqualTo("broker-eu-1");
    }
}
