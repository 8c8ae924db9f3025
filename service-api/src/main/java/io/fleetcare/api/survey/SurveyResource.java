package io.fleetcare.api.survey;

import io.fleetcare.api.account.Role;
import io.fleetcare.api.account.SignedInCaller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The satisfaction survey of a case: {@code /api/tickets/{number}/survey}. The service desk (NOC operators,
 * service managers, administrators) enters the customer's card; the engineer who did the work does not rate
 * himself. Feedback is class-2 data (DOMAIN.md), read by service managers and administrators.
 */
@Path("/api/tickets/{number}/survey")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Surveys")
public class SurveyResource {

    @Inject
    Surveys surveys;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.NOC_OPERATOR, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Record the customer's satisfaction survey of a case",
            description = "Ratings 1 (very dissatisfied) to 5 (very satisfied) for attitude, skill, punctuality and "
                    + "result, plus a comment. Only once the case is CUSTOMER_CONFIRMED or CLOSED, and once per case: "
                    + "409 otherwise. Answers 201 with the survey.")
    public Response record(@PathParam("number") String number, @NotNull @Valid SurveyRequest body,
            @Context UriInfo uri) {
        SurveyView survey = surveys.record(number, new SurveyScores(body.attitude(), body.skill(),
                body.punctuality(), body.result()), body.comment(), SignedInCaller.from(identity));
        return Response.created(uri.getAbsolutePath()).entity(survey).build();
    }

    @GET
    @RolesAllowed({Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "The satisfaction survey of a case", description = "404 when the case has none (yet).")
    public SurveyView get(@PathParam("number") String number) {
        return surveys.get(number);
    }
}
