package io.fleetcare.api.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.Severity;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AlertConsumerTest {

    /** Held so that the quieted logger is not collected and reset. */
    private static final Logger CONSUMER_LOG = Logger.getLogger(AlertConsumer.class.getName());
    private static Level levelBefore;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordingAlerts alerts = new RecordingAlerts();

    @BeforeAll
    static void quietTheExpectedWarningsAndErrors() {
        levelBefore = CONSUMER_LOG.getLevel();
        CONSUMER_LOG.setLevel(Level.OFF);
    }

    @AfterAll
    static void restoreLogging() {
        CONSUMER_LOG.setLevel(levelBefore);
    }

    @Test
    void malformedRecordIsCountedAndSkippedWithoutReachingTheStore() {
        // given
        AlertConsumer consumer = new AlertConsumer(alerts, meters, List.of());

        // when
        consumer.consume(record("garbage".getBytes(StandardCharsets.UTF_8)));
        consumer.consume(record(null));

        // then
        assertThat(alerts.received).isEmpty();
        assertThat(count("malformed")).isEqualTo(2);
    }

    @Test
    void storedAndUnchangedAlertsAreCountedApart() {
        // given
        AlertConsumer consumer = new AlertConsumer(alerts, meters, List.of());
        alerts.changes = false;

        // when
        consumer.consume(record(EventCodec.encode(alert())));

        // then
        assertThat(alerts.received).extracting(Alert::alertId).containsExactly("alert-1");
        assertThat(count("unchanged")).isEqualTo(1);
        assertThat(count("stored")).isZero();
    }

    @Test
    void databaseFailureIsTriedAgainAndThenThrownSoTheRecordIsNotAcknowledged() {
        // given
        alerts.failuresLeft = Integer.MAX_VALUE;
        AlertConsumer consumer = new AlertConsumer(alerts, meters, List.of(Duration.ZERO, Duration.ZERO));

        // when / then
        assertThatThrownBy(() -> consumer.consume(record(EventCodec.encode(alert()))))
                .isInstanceOf(IllegalStateException.class).hasMessage("database down");
        assertThat(alerts.attempts).isEqualTo(3);
        assertThat(count("failed")).isEqualTo(1);
        assertThat(count("stored")).isZero();
    }

    @Test
    void databaseFailureThatClearsBeforeTheLastAttemptLosesNothing() {
        // given
        alerts.failuresLeft = 2;
        AlertConsumer consumer = new AlertConsumer(alerts, meters, List.of(Duration.ZERO, Duration.ZERO));

        // when
        consumer.consume(record(EventCodec.encode(alert())));

        // then
        assertThat(alerts.attempts).isEqualTo(3);
        assertThat(alerts.received).hasSize(1);
        assertThat(count("stored")).isEqualTo(1);
        assertThat(count("failed")).isZero();
    }

    private double count(String outcome) {
        return meters.get(AlertConsumer.ALERTS_METRIC).tag("outcome", outcome).counter().count();
    }

    private static ConsumerRecord<String, byte[]> record(byte[] value) {
        return new ConsumerRecord<>("device.alerts", 0, 7L, "STB-0003", value);
    }

    private static Alert alert() {
        Instant ts = Instant.parse("2026-11-24T10:00:00Z");
        return new Alert("alert-1", "STB-0003", DeviceType.SET_TOP_BOX, "STB-4K-200", "stb.cpu-overheat",
                Severity.MAJOR, Alert.State.RAISED, ts, ts.plusSeconds(300), "hot", List.of());
    }

    /** Stands in for the database-backed service: records what it gets, fails as told. */
    private static final class RecordingAlerts extends AlertService {
        final List<Alert> received = new ArrayList<>();
        int failuresLeft;
        int attempts;
        boolean changes = true;

        @Override
        public boolean record(Alert alert) {
            attempts++;
            if (failuresLeft-- > 0) {
                throw new IllegalStateException("database down");
            }
            received.add(alert);
            return changes;
        }
    }
}
