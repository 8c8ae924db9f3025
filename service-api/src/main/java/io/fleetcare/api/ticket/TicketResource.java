package io.fleetcare.api.ticket;

import io.fleetcare.api.account.Role;
import io.fleetcare.api.problem.InvalidRequestException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tickets over HTTP: {@code /api/tickets}. Every role may read them. */
@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.NOC_OPERATOR, Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
@Tag(name = "Tickets")
public class TicketResource {

    @Inject
    TicketService tickets;

    @GET
    @Operation(summary = "Tickets, most recently opened first",
            description = "Optionally only one device's tickets and/or only tickets in one status.")
    public List<TicketView> search(
            @QueryParam("deviceId") String deviceId,
            @QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return tickets.search(new TicketFilter(blankToNull(deviceId), parseStatus(status), limit));
    }

    @GET
    @Path("{number}")
    @Operation(summary = "One ticket by its number, e.g. TK-2026-000001")
    public TicketView get(@PathParam("number") String number) {
        return tickets.get(number);
    }

    private static TicketStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return TicketStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Unknown status '" + status + "'; expected one of "
                    + Arrays.toString(TicketStatus.values()) + ".");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
