package io.fleetcare.api.notify;

import io.fleetcare.api.account.Role;
import io.fleetcare.api.account.SignedInCaller;
import io.fleetcare.api.problem.PathIds;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Notifications over HTTP: the rules (service managers and administrators), the signed-in person's in-UI
 * notifications, and the dead-letter list of deliveries whose every attempt failed (administrators). What was sent
 * about an alert or a ticket: {@link AlertNotificationsResource}, {@link TicketNotificationsResource}.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class NotificationResource {

    @Inject
    NotificationRules rules;

    @Inject
    NotificationStore store;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("notification-rules")
    @RolesAllowed({Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "The active notification rules, oldest first; webhook secrets are never shown")
    public List<NotificationRuleView> rules() {
        return rules.list();
    }

    @POST
    @Path("notification-rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Creates a notification rule", description = "400 lists every problem of the rule: an "
            + "unknown channel, an invalid address, a delay below the minimum (fleetcare.notify.minimum-delay).")
    public Response create(NotificationRuleRequest request) {
        return Response.status(201).entity(rules.create(request, SignedInCaller.from(identity))).build();
    }

    @DELETE
    @Path("notification-rules/{ruleId}")
    @RolesAllowed({Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Deactivates a notification rule; what it sent stays in the record")
    public Response deactivate(@PathParam("ruleId") String ruleId) {
        rules.deactivate(PathIds.positive(ruleId, RuleNotFoundException::new), SignedInCaller.from(identity));
        return Response.noContent().build();
    }

    @GET
    @Path("notifications/mine")
    @RolesAllowed({Role.Names.NOC_OPERATOR, Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "The signed-in person's in-UI notifications, newest first")
    public List<DeliveryView> mine(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return store.inbox(identity.getPrincipal().getName(), limit);
    }

    @GET
    @Path("notifications/dead-letters")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Deliveries whose every attempt failed, newest first")
    public List<DeliveryView> deadLetters(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return store.deadLetters(limit);
    }
}
