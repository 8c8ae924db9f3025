package io.fleetcare.api.ticket.intake;

import io.fleetcare.api.app.StoreRetries;
import io.fleetcare.api.ticket.IntakeResult;
import io.fleetcare.api.ticket.TicketIntake;
import io.fleetcare.events.MaintenanceRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Takes maintenance requests off Kafka ({@code maintenance.requests}, keyed by device id) and hands them to
 * {@link TicketIntake}. The Kafka record stops here; nothing deeper sees it.
 *
 * <ul>
 *   <li>A malformed record is logged with its key and position, counted
 *       ({@code fleetcare.maintenance.requests{outcome="malformed"}}) and acknowledged: it never stops the
 *       consumer.</li>
 *   <li>A request the database cannot store is tried again after each of the configured pauses; if it still
 *       fails, the method throws, the record is not acknowledged (its offset is never committed) and the
 *       channel stops with health DOWN, so a restart reads it again. Nothing is lost silently.</li>
 * </ul>
 */
@ApplicationScoped
public class MaintenanceRequestConsumer {

    /** Counter of records taken in, tagged with {@code outcome}. */
    public static final String REQUESTS_METRIC = "fleetcare.maintenance.requests";

    private static final Logger LOG = Logger.getLogger(MaintenanceRequestConsumer.class);
    private static final List<String> OUTCOMES = List.of("opened", "appended", "duplicate", "malformed", "failed");

    private final TicketIntake intake;
    private final MeterRegistry meters;
    private final StoreRetries retries;

    @Inject
    public MaintenanceRequestConsumer(TicketIntake intake, MeterRegistry meters, IntakeConfig config) {
        this(intake, meters, config.retryDelays());
    }

    MaintenanceRequestConsumer(TicketIntake intake, MeterRegistry meters, List<Duration> retryDelays) {
        this.intake = intake;
        this.meters = meters;
        this.retries = new StoreRetries(retryDelays);
        OUTCOMES.forEach(outcome -> meters.counter(REQUESTS_METRIC, "outcome", outcome));
    }

    /**
     * @throws RuntimeException when the request could not be stored after all attempts; the messaging
     *                          framework then does not acknowledge the record
     */
    @Incoming("maintenance-requests")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        MaintenanceRequest request;
        try {
            request = MaintenanceRequestReader.read(record.value());
        } catch (MalformedMaintenanceRequestException e) {
            LOG.warnf("Skipping malformed maintenance request key=%s at %s-%d@%d: %s",
                    record.key(), record.topic(), record.partition(), record.offset(), e.getMessage());
            count("malformed");
            return;
        }
        IntakeResult result = acceptWithRetries(request, record);
        count(result.outcome().name().toLowerCase(Locale.ROOT));
    }

    private IntakeResult acceptWithRetries(MaintenanceRequest request, ConsumerRecord<String, byte[]> record) {
        try {
            return retries.attempt("maintenance request " + request.requestId() + " of device " + request.deviceId()
                    + " (key=" + record.key() + " at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + ")", () -> intake.accept(request));
        } catch (RuntimeException e) {
            count("failed");
            throw e;
        }
    }

    private void count(String outcome) {
        meters.counter(REQUESTS_METRIC, "outcome", outcome).increment();
    }
}
