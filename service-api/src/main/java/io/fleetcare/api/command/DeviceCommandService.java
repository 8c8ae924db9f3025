package io.fleetcare.api.command;

import io.fleetcare.api.account.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Remote diagnostics: a command is stored PENDING, then handed to the gateway through Kafka; the gateway's
 * results are stored on it as they come.
 */
@ApplicationScoped
public class DeviceCommandService {

    private static final Logger LOG = Logger.getLogger(DeviceCommandService.class);

    @Inject
    CommandStore store;

    @Inject
    CommandPublisher publisher;

    @Inject
    CommandConfig config;

    @Inject
    Clock clock;

    /**
     * @param params         may be null (none)
     * @param timeoutSeconds may be null (the configured default)
     * @return the stored command, PENDING; never null
     * @throws CommandNotSentException when Kafka did not take it; it is then stored as FAILED
     */
    public CommandView send(String deviceId, DiagnosticCommand command, Map<String, Object> params,
            Integer timeoutSeconds, Caller caller) {
        Instant now = now();
        DeviceCommandMessage message = new DeviceCommandMessage(UUID.randomUUID(), deviceId, command,
                params == null ? Map.of() : params, caller.username(), now,
                timeoutSeconds == null ? config.defaultTimeoutSeconds() : timeoutSeconds);
        QuarkusTransaction.requiringNew().run(() -> store.insert(message));
        try {
            publisher.publish(message);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Command %s %s for device %s could not be published", message.commandId(), command, deviceId);
            QuarkusTransaction.requiringNew().run(() -> store.recordResult(message.commandId(), CommandStatus.FAILED,
                    Map.of("error", "not handed to the gateway"), now(), now()));
            throw new CommandNotSentException(message.commandId().toString());
        }
        LOG.infof("Command %s %s sent to device %s by %s", message.commandId(), command, deviceId, caller.username());
        return get(deviceId, message.commandId());
    }

    /**
     * Stores a result in its own transaction.
     *
     * @return UNKNOWN when no command of that device has the id, CHANGED or UNCHANGED otherwise
     * @throws RuntimeException when the database fails
     */
    public ResultOutcome recordResult(CommandResultMessage result) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CommandView command = store.find(result.commandId()).orElse(null);
            if (command == null || !command.deviceId().equals(result.deviceId())) {
                return ResultOutcome.UNKNOWN;
            }
            boolean changed = store.recordResult(result.commandId(), result.status(), result.payload(), result.at(),
                    now());
            return changed ? ResultOutcome.CHANGED : ResultOutcome.UNCHANGED;
        });
    }

    /** @throws CommandNotFoundException when the device has no such command */
    public CommandView get(String deviceId, UUID commandId) {
        return store.find(commandId).filter(c -> c.deviceId().equals(deviceId))
                .orElseThrow(() -> new CommandNotFoundException(deviceId, commandId.toString()));
    }

    public List<CommandView> ofDevice(String deviceId, int limit) {
        return store.ofDevice(deviceId, limit);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** What storing a result did. */
    public enum ResultOutcome {
        CHANGED,
        UNCHANGED,
        UNKNOWN
    }
}
