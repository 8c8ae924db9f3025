package io.fleetcare.api.ticket.returns;

import io.fleetcare.api.account.Role;
import io.fleetcare.api.account.SignedInCaller;
import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A case's returned goods and their 5-working-day clock: {@code /api/tickets/{number}/returned-goods}. */
@Path("/api/tickets/{number}/returned-goods")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.NOC_OPERATOR, Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
@Tag(name = "Tickets")
public class ReturnedGoodsResource {

    private final ReturnedGoods goods;
    private final SecurityIdentity identity;

    public ReturnedGoodsResource(ReturnedGoods goods, SecurityIdentity identity) {
        this.goods = goods;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The returned goods of a case, their due time and whether it is missed",
            description = "404 when none were received.")
    public ReturnedGoodsView get(@PathParam("number") String number) {
        return goods.find(number).orElseThrow(() -> new NoReturnedGoodsException(number));
    }

    @POST
    @RolesAllowed({Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Record that the case's returned goods arrived now; starts the 5-working-day clock",
            description = "409 when the case is not open or its goods were received already. Answers 201.")
    public Response receive(@PathParam("number") String number, @Context UriInfo uri) {
        return Response.created(uri.getAbsolutePath()).entity(goods.receive(number, SignedInCaller.from(identity)))
                .build();
    }

    @POST
    @Path("processed")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Record that the returned goods were dealt with; stops the clock",
            description = "409 when none were received or they were dealt with already.")
    public ReturnedGoodsView process(@PathParam("number") String number, @NotNull @Valid ReturnedGoodsRequest body) {
        return goods.process(number, body.outcome().strip(), SignedInCaller.from(identity));
    }

    /** No returned goods on the case; answered with 404. */
    static class NoReturnedGoodsException extends ProblemException {
        NoReturnedGoodsException(String number) {
            super(404, Problem.type("no-returned-goods"), "No returned goods",
                    "No returned goods were received for " + number + ".");
        }
    }
}
