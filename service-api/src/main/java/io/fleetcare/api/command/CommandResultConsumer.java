package io.fleetcare.api.command;

import io.fleetcare.api.app.StoreRetries;
import io.fleetcare.api.ticket.intake.IntakeConfig;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.EventCodecException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Takes command results off Kafka ({@code device.command-results}). A malformed record, or a result for a
 * command this service does not know, is logged, counted ({@code fleetcare.command.results{outcome}}) and
 * acknowledged; a result the database cannot store is tried again after each of
 * {@code fleetcare.intake.retry-delays}, then not acknowledged and the channel stops.
 */
@ApplicationScoped
public class CommandResultConsumer {

    /** Counter of records taken in, tagged with {@code outcome}: changed, unchanged, unknown, malformed, failed. */
    public static final String RESULTS_METRIC = "fleetcare.command.results";

    private static final Logger LOG = Logger.getLogger(CommandResultConsumer.class);
    private static final List<String> OUTCOMES = List.of("changed", "unchanged", "unknown", "malformed", "failed");

    private final DeviceCommandService commands;
    private final MeterRegistry meters;
    private final StoreRetries retries;

    @Inject
    public CommandResultConsumer(DeviceCommandService commands, MeterRegistry meters, IntakeConfig config) {
        this.commands = commands;
        this.meters = meters;
        this.retries = new StoreRetries(config.retryDelays());
        OUTCOMES.forEach(outcome -> meters.counter(RESULTS_METRIC, "outcome", outcome));
    }

    /** @throws RuntimeException when the result could not be stored after all attempts */
    @Incoming("device-command-results")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        CommandResultMessage result;
        try {
            result = read(record.value());
        } catch (EventCodecException | IllegalArgumentException e) {
            LOG.warnf("Skipping malformed command result key=%s at %s-%d@%d: %s",
                    record.key(), record.topic(), record.partition(), record.offset(), e.getMessage());
            count("malformed");
            return;
        }
        try {
            DeviceCommandService.ResultOutcome outcome = retries.attempt("result of command " + result.commandId()
                    + " of device " + result.deviceId(), () -> commands.recordResult(result));
            if (outcome == DeviceCommandService.ResultOutcome.UNKNOWN) {
                LOG.warnf("Result %s for unknown command %s of device %s at %s-%d@%d ignored", result.status(),
                        result.commandId(), result.deviceId(), record.topic(), record.partition(), record.offset());
            }
            count(outcome.name().toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            count("failed");
            throw e;
        }
    }

    static CommandResultMessage read(byte[] value) {
        if (value == null || value.length == 0) {
            throw new IllegalArgumentException("empty record value");
        }
        CommandResultMessage result = EventCodec.decode(value, CommandResultMessage.class);
        if (result == null || result.commandId() == null || result.deviceId() == null || result.deviceId().isBlank()
                || result.status() == null || result.at() == null) {
            throw new IllegalArgumentException("commandId, deviceId, status and at are required");
        }
        if (result.status() == CommandStatus.PENDING) {
            throw new IllegalArgumentException("PENDING is not a result");
        }
        return result;
    }

    private void count(String outcome) {
        meters.counter(RESULTS_METRIC, "outcome", outcome).increment();
    }
}
