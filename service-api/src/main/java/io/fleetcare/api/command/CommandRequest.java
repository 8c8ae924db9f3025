package io.fleetcare.api.command;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;

/**
 * Body of {@code POST /api/devices/{deviceId}/commands}.
 *
 * @param command        one of {@link DiagnosticCommand}
 * @param params         command parameters, passed to the gateway as they are; may be null
 * @param timeoutSeconds optional, 1-3600; default {@code fleetcare.commands.default-timeout}
 */
public record CommandRequest(@NotBlank String command, Map<String, Object> params,
        @Min(1) @Max(3600) Integer timeoutSeconds) {
}
