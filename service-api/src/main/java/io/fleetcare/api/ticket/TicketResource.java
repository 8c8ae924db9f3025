package io.fleetcare.api.ticket;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.account.SignedInCaller;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.problem.InvalidRequestException;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Severity;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Tickets over HTTP: {@code /api/tickets}. Every role may read them; registering, moving and assigning
 * follow the role matrix of the README (least privilege).
 */
@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.NOC_OPERATOR, Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
@Tag(name = "Tickets")
public class TicketResource {

    @Inject
    TicketService tickets;

    @Inject
    TicketRegistration registration;

    @Inject
    TicketWorkflow workflow;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "Tickets, most recently opened first",
            description = "Optionally only one device's tickets and/or only tickets in one status.")
    public List<TicketView> search(
            @QueryParam("deviceId") String deviceId,
            @QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return tickets.search(new TicketFilter(blankToNull(deviceId), parse(TicketStatus.class, status, "status"),
                limit));
    }

    @GET
    @Path("{number}")
    @Operation(summary = "One ticket by its number, e.g. TK-2026-000001, with its transition history")
    public TicketView get(@PathParam("number") String number) {
        return tickets.get(number);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.NOC_OPERATOR, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Register a case taken in by phone, e-mail or web",
            description = "The device must be in the registry, whose type, model, serial and owner the case takes "
                    + "(a different deviceType, model or serial is refused), unless the case says unregisteredProduct "
                    + "with deviceType, model and serial as told (400 device-not-registered otherwise). A refused case "
                    + "uses no number. Answers 201 with the ticket and its Location.")
    public Response register(@NotNull @Valid TicketRegistrationRequest body, @Context UriInfo uri) {
        TicketChannel channel = parse(TicketChannel.class, body.channel(), "channel");
        if (channel == TicketChannel.TELEMETRY) {
            throw new InvalidRequestException("channel TELEMETRY is for tickets the platform opens; use one of "
                    + EnumSet.complementOf(EnumSet.of(TicketChannel.TELEMETRY)) + ".");
        }
        String number = registration.register(new TicketRegistration.Case(channel, body.deviceId(),
                parse(DeviceType.class, body.deviceType(), "deviceType"), blankToNull(body.model()),
                body.problem().strip(), parse(Severity.class, body.severity(), "severity"),
                Boolean.TRUE.equals(body.complaint()), blankToNull(body.component()),
                Boolean.TRUE.equals(body.unregisteredProduct()), blankToNull(body.serial())), caller());
        return Response.created(uri.getAbsolutePathBuilder().path(number).build()).entity(tickets.get(number)).build();
    }

    @POST
    @Path("{number}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a ticket to another status",
            description = "Illegal moves are answered 409, moves the caller's roles do not allow 403; "
                    + "ESCALATED, CANCELLED and reopening (RESOLVED/CUSTOMER_CONFIRMED -> ACKNOWLEDGED) need a "
                    + "reason; RESOLVED needs a repair record on the case or a remoteResolution (409 "
                    + "evidence-required); CUSTOMER_CONFIRMED needs the confirmation (method, contact, reference); "
                    + "an ESCALATED ticket returns to the status it was escalated from or one of that status' moves. "
                    + "Answers the ticket with its history.")
    public TicketView transition(@PathParam("number") String number, @NotNull @Valid TransitionRequest body) {
        TicketWorkflow.RemoteFix fix = body.remoteResolution() == null ? null : new TicketWorkflow.RemoteFix(
                parse(ResolutionMethod.class, body.remoteResolution().method(), "remoteResolution.method"),
                body.remoteResolution().workDone());
        TicketWorkflow.Confirmation confirmation = body.confirmation() == null ? null
                : new TicketWorkflow.Confirmation(parse(ConfirmationMethod.class, body.confirmation().method(),
                        "confirmation.method"), body.confirmation().contact(), body.confirmation().reference());
        workflow.transition(number, parse(TicketStatus.class, body.to(), "to"), body.reason(), fix, confirmation,
                caller());
        return tickets.get(number);
    }

    @PUT
    @Path("{number}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Assign a field engineer and an appointment window",
            description = "Replaces the current assignment; every assignment is kept (the ticket's assignments). "
                    + "A window starting in the past is refused; one ending after the on-site deadline needs a "
                    + "lateReason (400 otherwise).")
    public TicketView assign(@PathParam("number") String number, @NotNull @Valid AssignmentRequest body) {
        workflow.assign(number, body.engineer().strip(), body.from(), body.to(), body.lateReason(), caller());
        return tickets.get(number);
    }

    private Caller caller() {
        return SignedInCaller.from(identity);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Unknown " + field + " '" + value + "'; expected one of "
                    + Arrays.toString(type.getEnumConstants()) + ".");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
