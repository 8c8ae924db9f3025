package io.fleetcare.api.device.history;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.account.SignedInCaller;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.ticket.sla.SlaConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The device history for the engineer over HTTP: {@code /api/devices/{deviceId}/history} (JSON) and
 * {@code /api/devices/{deviceId}/brief} (printable HTML). For field engineers, service managers and
 * administrators, the roles that read repair records; the NOC reads devices, alerts and tickets on their own
 * endpoints. The customer's class-1 fields follow the customer archive's rule.
 */
@Path("/api/devices/{deviceId}")
@RolesAllowed({Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
@Tag(name = "Devices")
public class DeviceHistoryResource {

    @Inject
    DeviceHistory history;

    @Inject
    SecurityIdentity identity;

    @Inject
    SlaConfig calendar;

    @GET
    @Path("history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Everything before a visit: device, warranty, customer, open alerts, telemetry summary, "
            + "tickets, repairs, parts, maintenance",
            description = "Telemetry: hourly buckets of the last 24 h, daily of the last 30 days, weekly of the last "
                    + "year, from the telemetry rollups; `telemetry.available` is false when there are none. "
                    + "404 for an unknown device.")
    public DeviceHistoryView history(@PathParam("deviceId") String deviceId) {
        return history.of(deviceId, caller());
    }

    @GET
    @Path("brief")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The device history as a printable HTML visit brief", description = "404 for an unknown device.")
    public String brief(@PathParam("deviceId") String deviceId) {
        return VisitBrief.render(history.of(deviceId, caller()), calendar.zone());
    }

    private Caller caller() {
        return SignedInCaller.from(identity);
    }
}
