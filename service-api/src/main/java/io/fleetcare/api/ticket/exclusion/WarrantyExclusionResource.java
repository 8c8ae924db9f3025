package io.fleetcare.api.ticket.exclusion;

import io.fleetcare.api.account.Role;
import io.fleetcare.api.account.SignedInCaller;
import io.fleetcare.api.problem.InvalidRequestException;
import io.fleetcare.api.problem.ProblemException;
import io.fleetcare.api.problem.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A case's warranty exclusion: {@code /api/tickets/{number}/warranty-exclusion} (see {@link WarrantyExclusions}). */
@Path("/api/tickets/{number}/warranty-exclusion")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.NOC_OPERATOR, Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
@Tag(name = "Tickets")
public class WarrantyExclusionResource {

    private final WarrantyExclusions exclusions;
    private final SecurityIdentity identity;

    public WarrantyExclusionResource(WarrantyExclusions exclusions, SecurityIdentity identity) {
        this.exclusions = exclusions;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The warranty exclusion recorded on a case", description = "404 when none is recorded.")
    public WarrantyExclusionView get(@PathParam("number") String number) {
        return exclusions.find(number).orElseThrow(() -> new NoExclusionException(number));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Record a warranty exclusion; the case becomes PAID",
            description = "Reason WRONG_INSTALLATION, WRONG_USE, UNSUITABLE_ENVIRONMENT, FORCE_MAJEURE or TAMPERING "
                    + "and the evidence. Only the assigned engineer or a manager (403); only on an open FREE case "
                    + "without an exclusion (409). Answers 201 with the exclusion.")
    public Response record(@PathParam("number") String number, @NotNull @Valid WarrantyExclusionRequest body,
            @Context UriInfo uri) {
        ExclusionReason reason;
        try {
            reason = ExclusionReason.valueOf(body.reason().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Unknown reason '" + body.reason() + "'; expected one of "
                    + Arrays.toString(ExclusionReason.values()) + ".");
        }
        WarrantyExclusionView recorded = exclusions.record(number, reason, body.evidence().strip(),
                SignedInCaller.from(identity));
        return Response.created(uri.getAbsolutePath()).entity(recorded).build();
    }

    /** No exclusion on the case; answered with 404. */
    static class NoExclusionException extends ProblemException {
        NoExclusionException(String number) {
            super(404, Problem.type("no-warranty-exclusion"), "No warranty exclusion",
                    "No warranty exclusion is recorded on " + number + ".");
        }
    }
}
