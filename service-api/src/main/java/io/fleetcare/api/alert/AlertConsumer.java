package io.fleetcare.api.alert;

import io.fleetcare.api.ticket.intake.IntakeConfig;
import io.fleetcare.api.app.StoreRetries;
import io.fleetcare.events.Alert;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Takes alert transitions off Kafka ({@code device.alerts}, keyed by device id) and hands them to
 * {@link AlertService}. The same rules as for maintenance requests: a malformed record is logged, counted
 * ({@code fleetcare.alerts{outcome="malformed"}}) and acknowledged; an alert the database cannot store is
 * tried again after each of {@code fleetcare.intake.retry-delays}, then the method throws, the record is not
 * acknowledged and the channel stops with health DOWN. Once stored, the alert is announced as
 * {@link AlertRecorded} (site correlation takes offline alerts from there), with the same retries.
 */
@ApplicationScoped
public class AlertConsumer {

    /** Counter of records taken in, tagged with {@code outcome}: stored, unchanged, malformed, failed. */
    public static final String ALERTS_METRIC = "fleetcare.alerts";

    private static final Logger LOG = Logger.getLogger(AlertConsumer.class);
    private static final List<String> OUTCOMES = List.of("stored", "unchanged", "malformed", "failed");

    private final AlertService alerts;
    private final MeterRegistry meters;
    private final StoreRetries retries;
    private final Consumer<AlertRecorded> recorded;

    @Inject
    public AlertConsumer(AlertService alerts, Event<AlertRecorded> recorded, MeterRegistry meters,
            IntakeConfig config) {
        this(alerts, recorded::fire, meters, config.retryDelays());
    }

    /** For tests of the consumer alone: nobody observes the stored alerts. */
    AlertConsumer(AlertService alerts, MeterRegistry meters, List<Duration> retryDelays) {
        this(alerts, stored -> { }, meters, retryDelays);
    }

    AlertConsumer(AlertService alerts, Consumer<AlertRecorded> recorded, MeterRegistry meters,
            List<Duration> retryDelays) {
        this.alerts = alerts;
        this.recorded = recorded;
        this.meters = meters;
        this.retries = new StoreRetries(retryDelays);
        OUTCOMES.forEach(outcome -> meters.counter(ALERTS_METRIC, "outcome", outcome));
    }

    /** @throws RuntimeException when the alert could not be stored after all attempts */
    @Incoming("device-alerts")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        Alert alert;
        try {
            alert = AlertReader.read(record.value());
        } catch (MalformedAlertException e) {
            LOG.warnf("Skipping malformed alert key=%s at %s-%d@%d: %s",
                    record.key(), record.topic(), record.partition(), record.offset(), e.getMessage());
            count("malformed");
            return;
        }
        String what = "alert " + alert.alertId() + " of device " + alert.deviceId() + " (key=" + record.key()
                + " at " + record.topic() + "-" + record.partition() + "@" + record.offset() + ")";
        try {
            boolean stored = retries.attempt(what, () -> alerts.record(alert));
            retries.attempt(what, () -> {
                recorded.accept(new AlertRecorded(alert));
                return true;
            });
            count(stored ? "stored" : "unchanged");
        } catch (RuntimeException e) {
            count("failed");
            throw e;
        }
    }

    private void count(String outcome) {
        meters.counter(ALERTS_METRIC, "outcome", outcome).increment();
    }
}
