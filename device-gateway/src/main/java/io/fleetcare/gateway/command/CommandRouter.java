package io.fleetcare.gateway.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.gateway.command.CommandResult.Status;
import io.fleetcare.gateway.modbus.ModbusFailure;
import io.fleetcare.gateway.modbus.ModbusPoller;
import io.fleetcare.gateway.ocpp.ChargePointCalls;
import io.fleetcare.gateway.ocpp.ChargePointNotConnected;
import io.fleetcare.gateway.ocpp.OutboundCall;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Routes a {@link DeviceCommand} to the device and reports its outcome on {@code device.command-results}:
 * <ul>
 *   <li>a charger connected to this instance gets the OCPP call of {@link OcppCommands#toCall}; its answer
 *       becomes ACCEPTED/REJECTED/COMPLETED ({@link OcppCommands#outcome}), a CALLERROR FAILED, params it
 *       cannot use REJECTED;</li>
 *   <li>a device polled here over Modbus gets the register write of {@link ModbusCommands#toWrite}: COMPLETED
 *       with {@code {"key","value"}} (the value as stored) when the device took it, FAILED when it did not
 *       answer or refused, REJECTED for commands and params it cannot use;</li>
 *   <li>a set-top box command ({@code REBOOT}, {@code COLLECT_LOGS}, {@code GET_CONFIG}, {@code SET_CONFIG},
 *       {@code SELF_TEST}) for a device that is not a charger here goes over {@link MqttCommandChannel} with the
 *       body of {@link MqttCommands#body} (no operator name); the
 *       device's JSON reply becomes COMPLETED with that payload;</li>
 *   <li>no final answer within {@code timeoutSeconds} -> TIMED_OUT;</li>
 *   <li>anything else is ignored: another gateway instance holds the charger (or nobody does).</li>
 * </ul>
 */
@ApplicationScoped
public class CommandRouter {

    private static final Logger LOG = Logger.getLogger(CommandRouter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> MQTT_COMMANDS = Set.of("REBOOT", "COLLECT_LOGS", "GET_CONFIG", "SET_CONFIG", "SELF_TEST");

    private final ChargePointCalls chargers;
    private final MqttCommandChannel mqtt;
    private final ModbusPoller modbus;
    private final CommandResultPublisher results;
    private final CommandSettings settings;
    private final Clock clock;
    private final Map<String, WaitingReply> waiting = new ConcurrentHashMap<>();

    public CommandRouter(ChargePointCalls chargers, MqttCommandChannel mqtt, ModbusPoller modbus,
            CommandResultPublisher results, CommandSettings settings) {
        this.chargers = chargers;
        this.mqtt = mqtt;
        this.modbus = modbus;
        this.results = results;
        this.settings = settings;
        this.clock = Clock.systemUTC();
        mqtt.onReply(this::replied);
    }

    /**
     * Sends the command on its way without waiting for the device.
     *
     * @param command never null, with commandId, deviceId and command
     * @return true when this instance took the command, false when it ignored it
     */
    public boolean route(DeviceCommand command) {
        if (chargers.isConnected(command.deviceId())) {
            toCharger(command);
            return true;
        }
        if (modbus.polls(command.deviceId())) {
            toModbusDevice(command);
            return true;
        }
        if (settings.mqttEnabled() && MQTT_COMMANDS.contains(command.command())) {
            toMqttDevice(command);
            return true;
        }
        LOG.debugf("device %s: command %s (%s) ignored, the device is not connected here", command.deviceId(),
                command.commandId(), command.command());
        return false;
    }

    private void toCharger(DeviceCommand command) {
        OutboundCall call;
        try {
            call = OcppCommands.toCall(command);
        } catch (IllegalArgumentException e) {
            report(command, Status.REJECTED, error(e.getMessage()));
            return;
        }
        chargers.call(command.deviceId(), call, timeout(command)).whenComplete((answer, failure) -> {
            if (failure == null) {
                report(command, OcppCommands.outcome(answer), OcppCommands.payload(answer));
            } else {
                Throwable cause = unwrap(failure);
                if (cause instanceof TimeoutException) {
                    report(command, Status.TIMED_OUT, null);
                } else if (cause instanceof ChargePointNotConnected) {
                    report(command, Status.FAILED, error("charge point disconnected before answering"));
                } else {
                    report(command, Status.FAILED, error(String.valueOf(cause.getMessage())));
                }
            }
        });
    }

    private void toModbusDevice(DeviceCommand command) {
        ModbusCommands.RegisterWrite write;
        try {
            write = ModbusCommands.toWrite(command);
        } catch (IllegalArgumentException e) {
            report(command, Status.REJECTED, error(e.getMessage()));
            return;
        }
        modbus.write(command.deviceId(), write.register(), write.value()).toCompletableFuture()
                .orTimeout(timeout(command).toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((stored, failure) -> {
                    if (failure == null) {
                        report(command, Status.COMPLETED, JsonNodeFactory.instance.objectNode()
                                .put("key", write.register()).put("value", stored));
                        return;
                    }
                    Throwable cause = unwrap(failure);
                    if (cause instanceof IllegalArgumentException) {
                        report(command, Status.REJECTED, error(cause.getMessage()));
                    } else if (cause instanceof TimeoutException) {
                        report(command, Status.TIMED_OUT, null);
                    } else if (cause instanceof ModbusFailure modbusFailure) {
                        report(command, Status.FAILED, error(cause.getMessage())
                                .put("reason", modbusFailure.reason().tag()));
                    } else {
                        report(command, Status.FAILED, error(String.valueOf(cause.getMessage())));
                    }
                });
    }

    private void toMqttDevice(DeviceCommand command) {
        CompletableFuture<ObjectNode> reply = new CompletableFuture<>();
        WaitingReply entry = new WaitingReply(command.deviceId(), reply);
        if (waiting.putIfAbsent(command.commandId(), entry) != null) {
            LOG.warnf("device %s: command %s is already waiting for its reply, repeat ignored", command.deviceId(),
                    command.commandId());
            return;
        }
        reply.orTimeout(timeout(command).toMillis(), TimeUnit.MILLISECONDS).whenComplete((payload, failure) -> {
            waiting.remove(command.commandId(), entry);
            if (failure == null) {
                report(command, Status.COMPLETED, payload);
            } else if (unwrap(failure) instanceof TimeoutException) {
                report(command, Status.TIMED_OUT, null);
            } else {
                report(command, Status.FAILED, error(String.valueOf(unwrap(failure).getMessage())));
            }
        });
        mqtt.send(command.deviceId(), command.commandId(), MqttCommands.body(command))
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        reply.completeExceptionally(new IllegalStateException("MQTT broker did not take the command: "
                                + unwrap(failure)));
                    }
                });
    }

    private void replied(String deviceId, String commandId, byte[] body) {
        WaitingReply entry = commandId == null ? null : waiting.get(commandId);
        if (entry == null || !entry.deviceId().equals(deviceId)) {
            LOG.debugf("device %s: reply for command %s, which this instance is not waiting for", deviceId, commandId);
            return;
        }
        try {
            JsonNode payload = JSON.readTree(body);
            if (payload instanceof ObjectNode object) {
                entry.reply().complete(object);
                return;
            }
        } catch (IOException e) {
            // answered below
        }
        entry.reply().completeExceptionally(new IllegalArgumentException("the device's reply is not a JSON object"));
    }

    private Duration timeout(DeviceCommand command) {
        Integer seconds = command.timeoutSeconds();
        return seconds == null || seconds < 1 ? settings.defaultTimeout() : Duration.ofSeconds(seconds);
    }

    private void report(DeviceCommand command, Status status, ObjectNode payload) {
        results.publish(new CommandResult(command.commandId(), command.deviceId(), status, payload, clock.instant()));
    }

    private static ObjectNode error(String message) {
        return JsonNodeFactory.instance.objectNode().put("error", message);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private record WaitingReply(String deviceId, CompletableFuture<ObjectNode> reply) {
    }
}
