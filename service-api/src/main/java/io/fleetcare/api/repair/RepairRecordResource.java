package io.fleetcare.api.repair;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.account.SignedInCaller;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.problem.InvalidRequestException;
import io.fleetcare.api.problem.PathIds;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Repair and maintenance records over HTTP: {@code /api/repairs}. Field engineers file them (service managers on an
 * assigned engineer's behalf), engineers, managers
 * and administrators read them (class 2); engineers and managers write amendments, another service manager approves
 * each one. There is no update and no delete.
 */
@Path("/api/repairs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
@Tag(name = "Repair records")
public class RepairRecordResource {

    @Inject
    RepairRecords records;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER})
    @Operation(summary = "File a repair or maintenance record",
            description = "A field engineer files their own record; on a ticket only the assigned engineer, and a "
                    + "service manager (supervisor) may file it on their behalf, recorded as filedBy. The ticket must "
                    + "be on site or later (ON_SITE, RESOLVED, CUSTOMER_CONFIRMED, or ESCALATED after a visit) and "
                    + "performedAt between its opening and now. Replaced parts are catalog parts, issued from good "
                    + "stock in the same transaction (409 insufficient-stock, and nothing written, when there are "
                    + "too few). Answers 201 with the record and its Location. A record is never changed "
                    + "afterwards.")
    public Response file(@NotNull @Valid RepairRecordRequest body, @Context UriInfo uri) {
        List<NewRepairRecord.Part> parts = body.partsReplaced() == null ? List.of() : body.partsReplaced().stream()
                .map(p -> new NewRepairRecord.Part(p.partId(), p.location().strip(), blankToNull(p.serial()),
                        p.quantity(), p.reason().strip(), p.componentId()))
                .toList();
        RepairRecordView record = records.file(new NewRepairRecord(parse(RecordKind.class, body.kind(), "kind"),
                body.deviceId().strip(), blankToNull(body.ticketNumber()),
                new RecordContent(body.symptom().strip(), body.cause().strip(), body.workDone().strip(),
                        body.testResult().strip(), body.minutesSpent(), blankToNull(body.customerSignOff())),
                parts, body.performedAt()), caller());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(record.recordId())).build())
                .entity(record).build();
    }

    @GET
    @Operation(summary = "Records, latest work first", description = "Optionally of one device and/or ticket.")
    public List<RepairRecordView> search(@QueryParam("deviceId") String deviceId,
            @QueryParam("ticketNumber") String ticketNumber,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return records.search(blankToNull(deviceId), blankToNull(ticketNumber), limit, caller());
    }

    @GET
    @Path("{recordId}")
    @Operation(summary = "One record with its amendments")
    public RepairRecordView get(@PathParam("recordId") String recordId) {
        return records.get(parseId(recordId), caller());
    }

    @POST
    @Path("{recordId}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER})
    @Operation(summary = "Write an amendment of a record; another person approves it",
            description = "Names the field, the corrected value and the reason; the author is the signed-in account "
                    + "(a field engineer amends only their own records). Answers 201 with the record: the amendment "
                    + "is PENDING and the record's current content unchanged until it is approved.")
    public Response amend(@PathParam("recordId") String recordId, @NotNull @Valid AmendmentRequest body) {
        RepairRecordView record = records.amend(parseId(recordId), parse(AmendedField.class, body.field(), "field"),
                body.value().strip(), body.reason().strip(), caller());
        return Response.status(Response.Status.CREATED).entity(record).build();
    }

    @POST
    @Path("{recordId}/amendments/{amendmentId}/approval")
    @RolesAllowed(Role.Names.SERVICE_MANAGER)
    @Operation(summary = "Approve an amendment written by somebody else",
            description = "A service manager other than the author approves it (403 own-amendment otherwise, 409 "
                    + "when approved before); the record's current content then carries the correction. Answers the "
                    + "record with every amendment.")
    public RepairRecordView approve(@PathParam("recordId") String recordId,
            @PathParam("amendmentId") String amendmentId) {
        return records.approve(parseId(recordId), parseId(amendmentId), caller());
    }

    private Caller caller() {
        return SignedInCaller.from(identity);
    }

    private static long parseId(String value) {
        return PathIds.positive(value, RepairRecordNotFoundException::new);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Unknown " + field + " '" + value + "'; expected one of "
                    + Arrays.toString(type.getEnumConstants()) + ".");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
