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
 * What was sent about an alert ({@code GET /api/alerts/{alertId}/notifications}); every role that reads alerts.
 * A class of its own: the path lies under another resource's, which would otherwise take the request.
 */
@Path("/api/alerts/{alertId}/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class AlertNotificationsResource {

    @Inject
    NotificationStore store;

    @GET
    @RolesAllowed({Role.Names.NOC_OPERATOR, Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "What was sent about an alert: who, what, when, channel, outcome; oldest first")
    public List<DeliveryView> ofAlert(@PathParam("alertId") String alertId) {
        return store.forSubject("ALERT", alertId);
    }
}
