package io.fleetcare.api.alert;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.account.SignedInCaller;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.problem.InvalidRequestException;
import io.fleetcare.api.ticket.IntakeResult;
import io.fleetcare.api.ticket.TicketService;
import io.fleetcare.events.Alert;
import io.fleetcare.events.Severity;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Alerts for the NOC over HTTP: {@code /api/alerts}. Every role may read them and follow the live stream;
 * acknowledging, commenting and opening a ticket need NOC_OPERATOR, SERVICE_MANAGER or ADMIN.
 */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.NOC_OPERATOR, Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
@Tag(name = "Alerts")
public class AlertResource {

    @Inject
    AlertService alerts;

    @Inject
    AlertStream stream;

    @Inject
    TicketService tickets;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "Alerts, latest transition first",
            description = "Filters: state (RAISED|CLEARED), severity, deviceId, ruleId, since (ISO-8601 instant, "
                    + "latest transition at or after it), limit 1-1000 (default 100).")
    public List<AlertView> search(
            @QueryParam("state") String state,
            @QueryParam("severity") String severity,
            @QueryParam("deviceId") @Size(max = 64) String deviceId,
            @QueryParam("ruleId") @Size(max = 200) String ruleId,
            @QueryParam("since") String since,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return alerts.search(new AlertFilter(parse(Alert.State.class, state, "state"),
                parse(Severity.class, severity, "severity"), blankToNull(deviceId), blankToNull(ruleId),
                instant(since), limit));
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live stream of alert changes (server-sent events)",
            description = "Each event's data is the alert as GET /api/alerts/{alertId} shows it, after it was "
                    + "raised, cleared, acknowledged, commented or taken to a ticket on this instance.")
    public Multi<AlertView> live() {
        return stream.changes();
    }

    @GET
    @Path("{alertId}")
    @Operation(summary = "One alert with its acknowledgement, comments and tickets")
    public AlertView get(@PathParam("alertId") String alertId) {
        return alerts.get(alertId);
    }

    @POST
    @Path("{alertId}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.NOC_OPERATOR, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Acknowledge an alert (once; 409 afterwards)", description = "The body is optional.")
    public AlertView acknowledge(@PathParam("alertId") String alertId, @Valid AcknowledgementRequest body) {
        String comment = body == null ? null : blankToNull(body.comment());
        return alerts.acknowledge(alertId, comment, caller());
    }

    @POST
    @Path("{alertId}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.NOC_OPERATOR, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Add a comment to an alert; comments are never changed")
    public AlertView comment(@PathParam("alertId") String alertId, @NotNull @Valid CommentRequest body) {
        return alerts.comment(alertId, body.comment().strip(), caller());
    }

    @POST
    @Path("{alertId}/ticket")
    @RolesAllowed({Role.Names.NOC_OPERATOR, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Open a ticket from an alert",
            description = "201 with the new ticket; 200 with the open ticket of the same device and rule, "
                    + "which the alert joins, or with the ticket this alert was taken to before.")
    public Response openTicket(@PathParam("alertId") String alertId) {
        IntakeResult result = alerts.openTicket(alertId, caller());
        if (result.outcome() == IntakeResult.Outcome.OPENED) {
            return Response.created(URI.create("/api/tickets/" + result.ticketNumber()))
                    .entity(tickets.get(result.ticketNumber())).build();
        }
        return Response.ok(tickets.get(result.ticketNumber())).build();
    }

    private Caller caller() {
        return SignedInCaller.from(identity);
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("since must be an ISO-8601 instant such as 2026-11-24T10:00:00Z.");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Unknown " + field + "; expected one of "
                    + Arrays.toString(type.getEnumConstants()) + ".");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
