package io.fleetcare.api.command;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.account.SignedInCaller;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.problem.InvalidRequestException;
import io.fleetcare.events.EventCodec;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Remote diagnostics over HTTP: {@code /api/devices/{deviceId}/commands}. All four roles may send them: remote
 * triage comes before a visit (seed 001 §3.2.2), and the engineer on the way checks the device too.
 */
@Path("/api/devices/{deviceId}/commands")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.NOC_OPERATOR, Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
@Tag(name = "Remote diagnostics")
public class DeviceCommandResource {

    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final int MAX_PARAMS_BYTES = 8 * 1024;

    @Inject
    DeviceCommandService commands;

    @Inject
    CommandCapabilities capabilities;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a diagnostic command to a device",
            description = "Stores the command PENDING and publishes it on device.commands; answers 201 with it.")
    public Response send(@PathParam("deviceId") String deviceId, @NotNull @Valid CommandRequest body,
            @Context UriInfo uri) {
        checkDevice(deviceId);
        DiagnosticCommand command = parse(body.command());
        CommandOptions options = capabilities.of(deviceId);
        if (!options.commands().contains(command)) {
            throw new CommandNotSupportedException(options, command);
        }
        if (body.params() != null && EventCodec.encodeToString(body.params()).getBytes(StandardCharsets.UTF_8).length
                > MAX_PARAMS_BYTES) {
            throw new InvalidRequestException("params must be at most " + MAX_PARAMS_BYTES + " bytes of JSON.");
        }
        CommandView sent = commands.send(deviceId, command, body.params(), body.timeoutSeconds(), caller());
        return Response.created(uri.getAbsolutePathBuilder().path(sent.commandId().toString()).build())
                .entity(sent).build();
    }

    @GET
    @Operation(summary = "The device's commands, most recently requested first")
    public List<CommandView> list(@PathParam("deviceId") String deviceId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        checkDevice(deviceId);
        return commands.ofDevice(deviceId, limit);
    }

    @GET
    @Path("available")
    @Operation(summary = "The commands this device's protocol can execute",
            description = "A Modbus device takes WRITE_REGISTER only; a charger the OCPP commands; a set-top box the"
                    + " MQTT/CoAP ones. POST refuses any other with 409.")
    public CommandOptions available(@PathParam("deviceId") String deviceId) {
        checkDevice(deviceId);
        return capabilities.of(deviceId);
    }

    @GET
    @Path("{commandId}")
    @Operation(summary = "One command with the latest result the gateway reported")
    public CommandView get(@PathParam("deviceId") String deviceId, @PathParam("commandId") String commandId) {
        checkDevice(deviceId);
        UUID id;
        try {
            id = UUID.fromString(commandId);
        } catch (IllegalArgumentException e) {
            throw new CommandNotFoundException(deviceId, commandId);
        }
        return commands.get(deviceId, id);
    }

    private static void checkDevice(String deviceId) {
        if (!DEVICE_ID.matcher(deviceId).matches()) {
            throw new InvalidRequestException("deviceId must be 1-64 letters, digits or . _ : -");
        }
    }

    private static DiagnosticCommand parse(String value) {
        try {
            return DiagnosticCommand.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Unknown command; expected one of "
                    + Arrays.toString(DiagnosticCommand.values()) + ".");
        }
    }

    private Caller caller() {
        return SignedInCaller.from(identity);
    }
}
