package io.fleetcare.api.modbus;

import io.fleetcare.api.account.Role;
import io.fleetcare.api.account.SignedInCaller;
import io.fleetcare.api.problem.InvalidRequestException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Modbus registry over HTTP: {@code /api/modbus/devices/{deviceId}} (how the gateways reach a registry device)
 * and {@code /api/modbus/register-maps/{name}} (profiles). Changes reach the running gateways through compacted
 * topics within seconds. All four roles read; writes as for the device registry (service manager, admin).
 */
@Path("/api/modbus")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.NOC_OPERATOR, Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
@Tag(name = "Modbus registry")
public class ModbusRegistryResource {

    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Inject
    ModbusRegistryService registry;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("devices")
    @Operation(summary = "Every Modbus registration, by device id")
    public List<ModbusDeviceView> devices() {
        return registry.devices();
    }

    @GET
    @Path("devices/{deviceId}")
    @Operation(summary = "How the gateways reach one device")
    public ModbusDeviceView device(@PathParam("deviceId") String deviceId) {
        checkDevice(deviceId);
        return registry.device(deviceId);
    }

    @PUT
    @Path("devices/{deviceId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Register or change a Modbus device of the registry",
            description = "Answers 201 for a new registration, 200 for a change; the gateways poll it within seconds.")
    public Response register(@PathParam("deviceId") String deviceId, @NotNull ModbusDeviceRequest body) {
        checkDevice(deviceId);
        ModbusRegistryService.Registered<ModbusDeviceView> registered = registry.register(deviceId, body,
                SignedInCaller.from(identity));
        return Response.status(registered.created() ? 201 : 200).entity(registered.value()).build();
    }

    @DELETE
    @Path("devices/{deviceId}")
    @RolesAllowed({Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Remove a Modbus registration; the gateways stop polling the device")
    public Response remove(@PathParam("deviceId") String deviceId) {
        checkDevice(deviceId);
        registry.remove(deviceId, SignedInCaller.from(identity));
        return Response.noContent().build();
    }

    @GET
    @Path("register-maps")
    @Operation(summary = "The register maps: the built-in one and those registered here")
    public List<RegisterMapView> maps() {
        return registry.maps();
    }

    @GET
    @Path("register-maps/{name}")
    @Operation(summary = "One register map")
    public RegisterMapView map(@PathParam("name") String name) {
        return registry.map(name);
    }

    @PUT
    @Path("register-maps/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Register or change a register map; every problem is listed")
    public Response putMap(@PathParam("name") String name, @NotNull RegisterMapRequest body) {
        ModbusRegistryService.Registered<RegisterMapView> registered = registry.putMap(name, body,
                SignedInCaller.from(identity));
        return Response.status(registered.created() ? 201 : 200).entity(registered.value()).build();
    }

    @DELETE
    @Path("register-maps/{name}")
    @RolesAllowed({Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Remove a register map no device uses")
    public Response removeMap(@PathParam("name") String name) {
        registry.removeMap(name, SignedInCaller.from(identity));
        return Response.noContent().build();
    }

    private static void checkDevice(String deviceId) {
        if (!DEVICE_ID.matcher(deviceId).matches()) {
            throw new InvalidRequestException("deviceId must be 1-64 letters, digits or . _ : -");
        }
    }
}
