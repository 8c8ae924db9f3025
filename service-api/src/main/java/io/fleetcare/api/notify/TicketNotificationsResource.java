package io.fleetcare.api.notify;

import io.fleetcare.api.account.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What was sent about a ticket ({@code GET /api/tickets/{number}/notifications}); every role that reads tickets.
 * A class of its own: the path lies under another resource's, which would otherwise take the request.
 */
@Path("/api/tickets/{number}/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class TicketNotificationsResource {

    @Inject
    NotificationStore store;

    @GET
    @RolesAllowed({Role.Names.NOC_OPERATOR, Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "What was sent about a ticket (SLA warnings, breach, appointment notice); oldest first",
            description = "A customer's contact is shown masked only.")
    public List<DeliveryView> ofTicket(@PathParam("number") String number) {
        return store.forSubject("TICKET", number);
    }
}
