package io.fleetcare.api.ticket.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.api.ticket.IntakeResult;
import io.fleetcare.api.ticket.TicketIntake;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.MaintenanceRequest;
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

class MaintenanceRequestConsumerTest {

    /** Held so that the quieted logger is not collected and reset. */
    private static final Logger CONSUMER_LOG = Logger.getLogger(MaintenanceRequestConsumer.class.getName());
    private static Level levelBefore;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordingIntake intake = new RecordingIntake();

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
    void malformedRecordIsCountedAndSkippedWithoutReachingTheIntake() {
        // given
        MaintenanceRequestConsumer consumer = new MaintenanceRequestConsumer(intake, meters, List.of());

        // when
        consumer.consume(record("garbage".getBytes(StandardCharsets.UTF_8)));

        // then
        assertThat(intake.received).isEmpty();
        assertThat(count("malformed")).isEqualTo(1);
    }

    @Test
    void validRequestIsHandedToTheIntakeAndCountedByOutcome() {
        // given
        MaintenanceRequestConsumer consumer = new MaintenanceRequestConsumer(intake, meters, List.of());

        // when
        consumer.consume(record(EventCodec.encode(request())));

        // then
        assertThat(intake.received).extracting(MaintenanceRequest::requestId).containsExactly("req-1");
        assertThat(count("opened")).isEqualTo(1);
    }

    @Test
    void databaseFailureIsTriedAgainAndThenThrownSoTheRecordIsNotAcknowledged() {
        // given
        intake.failuresLeft = Integer.MAX_VALUE;
        MaintenanceRequestConsumer consumer =
                new MaintenanceRequestConsumer(intake, meters, List.of(Duration.ZERO, Duration.ZERO));

        // when / then
        assertThatThrownBy(() -> consumer.consume(record(EventCodec.encode(request()))))
                .isInstanceOf(IllegalStateException.class).hasMessage("database down");
        assertThat(intake.attempts).isEqualTo(3);
        assertThat(count("failed")).isEqualTo(1);
        assertThat(count("opened")).isZero();
    }

    @Test
    void databaseFailureThatClearsBeforeTheLastAttemptLosesNothing() {
        // given
        intake.failuresLeft = 2;
        MaintenanceRequestConsumer consumer =
                new MaintenanceRequestConsumer(intake, meters, List.of(Duration.ZERO, Duration.ZERO));

        // when
        consumer.consume(record(EventCodec.encode(request())));

        // then
        assertThat(intake.attempts).isEqualTo(3);
        assertThat(intake.received).hasSize(1);
        assertThat(count("failed")).isZero();
    }

    private double count(String outcome) {
        return meters.get(MaintenanceRequestConsumer.REQUESTS_METRIC).tag("outcome", outcome).counter().count();
    }

    private static ConsumerRecord<String, byte[]> record(byte[] value) {
        return new ConsumerRecord<>("maintenance.requests", 0, 7L, "STB-0003", value);
    }

    private static MaintenanceRequest request() {
        Instant ts = Instant.parse("2026-11-24T10:00:00Z");
        return new MaintenanceRequest("req-1", "STB-0003", DeviceType.SET_TOP_BOX, "STB-4K-200", "stb.cpu-overheat",
                MaintenanceRequest.Kind.CORRECTIVE, Severity.MAJOR, "hot", ts, null, null, List.of());
    }

    /** Stands in for the database-backed intake: records what it gets, fails as told. */
    private static final class RecordingIntake extends TicketIntake {
        final List<MaintenanceRequest> received = new ArrayList<>();
        int failuresLeft;
        int attempts;

        @Override
        public IntakeResult accept(MaintenanceRequest request) {
            attempts++;
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("database down");
            }
            received.add(request);
            return new IntakeResult(IntakeResult.Outcome.OPENED, "TK-2026-000001");
        }
    }
}
