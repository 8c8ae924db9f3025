package io.fleetcare.gateway.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.events.EventCodec;
import java.time.Instant;

/**
 * The one mapping of a {@link DeviceCommand} to the body a set-top box receives on {@code devices/{id}/commands}:
 * {@code {"commandId","deviceId","command","params","requestedAt","timeoutSeconds"}}. The internal command's
 * {@code requestedBy} (the operator's username) never leaves the platform: a device, or anybody who reads its
 * traffic, learns no operator's name. Pure.
 */
final class MqttCommands {

    private MqttCommands() {
    }

    /**
     * What the device is sent.
     *
     * @param params         never null ({@code {}} when the command had none)
     * @param requestedAt    may be null
     * @param timeoutSeconds may be null
     */
    record DeviceFacingCommand(String commandId, String deviceId, String command, ObjectNode params,
                               Instant requestedAt, Integer timeoutSeconds) {
    }

    /** @param command never null, with commandId, deviceId and command */
    static DeviceFacingCommand toDevice(DeviceCommand command) {
        return new DeviceFacingCommand(command.commandId(), command.deviceId(), command.command(),
                command.params() == null ? JsonNodeFactory.instance.objectNode() : command.params(),
                command.requestedAt(), command.timeoutSeconds());
    }

    /** The UTF-8 JSON body of {@link #toDevice}. */
    static byte[] body(DeviceCommand command) {
        return EventCodec.encode(toDevice(command));
    }
}
