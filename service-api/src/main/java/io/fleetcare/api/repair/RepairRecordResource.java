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
 * and administrators read them (class 2), service managers approve amendments. There is no update and no delete.
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
    @RolesAllowed(Role.Names.SERVICE_MANAGER)
    @Operation(summary = "Correct a record by an amendment the caller approves",
            description = "Names the field, the corrected value, the reason and the author (not the caller). "
                    + "Answers the record with every amendment.")
    public RepairRecordView amend(@PathParam("recordId") String recordId, @NotNull @Valid AmendmentRequest body) {
        return records.amend(parseId(recordId), parse(AmendedField.class, body.field(), "field"), body.value().strip(),
                body.reason().strip(), body.author().strip(), caller());
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
