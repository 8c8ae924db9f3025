package io.fleetcare.api.device;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.account.SignedInCaller;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.problem.InvalidRequestException;
import io.fleetcare.api.ticket.sla.SlaConfig;
import io.fleetcare.events.DeviceType;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The device registry over HTTP: {@code /api/devices}. Every role reads it (the NOC and engineers need to know
 * what a unit is and whether it is in warranty); registering units and components is for service managers and
 * administrators.
 */
@Path("/api/devices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.NOC_OPERATOR, Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
@Tag(name = "Devices")
public class DeviceResource {

    @Inject
    DeviceRegistry registry;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @Inject
    SlaConfig calendar;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Register a device with its components",
            description = "Answers 201 with the device and its Location; 409 when the id or the serial of the "
                    + "model is registered already.")
    public Response register(@NotNull @Valid DeviceRegistrationRequest body, @Context UriInfo uri) {
        if (body.soldOn() != null && body.soldOn().isBefore(body.producedOn())) {
            throw new InvalidRequestException("soldOn must not be before producedOn.");
        }
        DeviceRegistration.Commissioning commissioning = body.commissioning() == null ? null
                : new DeviceRegistration.Commissioning(body.commissioning().on(), body.commissioning().report().strip(),
                        body.commissioning().acceptedBy().strip());
        List<DeviceRegistration.Component> components = body.components() == null ? List.of()
                : body.components().stream().map(ComponentRequest::toComponent).toList();
        DeviceView device = registry.register(new DeviceRegistration(body.deviceId(),
                parseType(body.deviceType()), body.model().strip(), body.serial().strip(), blankToNull(body.firmware()),
                body.siteAddress().strip(), body.producedOn(), body.soldOn(), body.installedOn(), commissioning,
                components, body.customerId()), caller());
        return Response.created(uri.getAbsolutePathBuilder().path(device.deviceId()).build()).entity(device).build();
    }

    @GET
    @Operation(summary = "Registered devices by id",
            description = "Optionally only one type and/or model. The owner (customerId), a private customer's "
                    + "home as site address and the acceptance's name are withheld without an access grant.")
    public List<DeviceView> search(
            @QueryParam("deviceType") String deviceType,
            @QueryParam("model") String model,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return registry.search(new DeviceFilter(deviceType == null || deviceType.isBlank() ? null
                : parseType(deviceType), blankToNull(model), limit), caller());
    }

    @GET
    @Path("{deviceId}")
    @Operation(summary = "One device with its components and the latest state the telemetry store holds")
    public DeviceView get(@PathParam("deviceId") String deviceId) {
        return registry.get(deviceId, caller());
    }

    @POST
    @Path("{deviceId}/components")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Add a component with its own warranty period",
            description = "Answers 201 with the component; 404 for an unknown device, 409 when the name is taken.")
    public Response addComponent(@PathParam("deviceId") String deviceId, @NotNull @Valid ComponentRequest body,
            @Context UriInfo uri) {
        DeviceView.Component component = registry.addComponent(deviceId, body.toComponent(), caller());
        return Response.created(uri.getBaseUriBuilder().path("api/devices").path(deviceId).build())
                .entity(component).build();
    }

    @GET
    @Path("{deviceId}/warranty")
    @Operation(summary = "Warranty status and service category (FREE, CONTRACT, PAID) of each component on a day",
            description = "`on` is an ISO date; today in the service's time zone when absent.")
    public WarrantyView warranty(@PathParam("deviceId") String deviceId, @QueryParam("on") String on) {
        return registry.warranty(deviceId, on == null || on.isBlank() ? LocalDate.now(clock.withZone(calendar.zone()))
                : parseDate(on));
    }

    private Caller caller() {
        return SignedInCaller.from(identity);
    }

    private static DeviceType parseType(String value) {
        DeviceType type;
        try {
            type = DeviceType.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null || !type.isFieldDevice()) {
            throw new InvalidRequestException("Unknown deviceType '" + value + "'; expected one of "
                    + Arrays.stream(DeviceType.values()).filter(DeviceType::isFieldDevice).toList() + ".");
        }
        return type;
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("on must be an ISO date such as 2026-11-24.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
