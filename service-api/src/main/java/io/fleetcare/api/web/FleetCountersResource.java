package io.fleetcare.api.web;

import io.fleetcare.api.account.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The NOC's fleet counters: {@code GET /api/fleet/counters}, for every role. */
@Path("/api/fleet/counters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.NOC_OPERATOR, Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
@Tag(name = "Web UI")
public class FleetCountersResource {

    @Inject
    FleetStatusReader fleet;

    @GET
    @Operation(summary = "Devices online, offline and faulted per device kind",
            description = "Offline: not heard from within fleetcare.web.offline-after (default PT5M) or never; "
                    + "faulted: heard from and with a RAISED alert; online: the rest.")
    public FleetCountersView counters() {
        return fleet.count();
    }
}
