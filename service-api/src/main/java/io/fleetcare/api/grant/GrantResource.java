package io.fleetcare.api.grant;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.account.SignedInCaller;
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
 * Access grants to class-1 customer fields over HTTP: {@code /api/grants}. Every role may ask and read its own; the
 * top manager and administrators see all; the top manager alone decides (never their own request, seed 000 §3.6.1);
 * either may revoke.
 */
@Path("/api/grants")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.NOC_OPERATOR, Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN,
        Role.Names.TOP_MANAGER})
@Tag(name = "Access grants")
public class GrantResource {

    @Inject
    AccessGrants grants;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for read access to one customer's class-1 fields",
            description = "Name exactly one of customerId, deviceId (its owner) or ticketNumber (the owner of the "
                    + "case's device). Answers 201 with the grant (REQUESTED) and its Location; 404 for an unknown "
                    + "customer, device or case; 409 for a unit of no customer.")
    public Response request(@NotNull @Valid GrantRequest body, @Context UriInfo uri) {
        GrantView grant = grants.request(body.subject(), body.reason().strip(), body.durationMinutes(), caller());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(grant.grantId())).build())
                .entity(grant).build();
    }

    @GET
    @Operation(summary = "Grants, latest request first",
            description = "The top manager and administrators see every grant, everybody else their own. status: REQUESTED, APPROVED, "
                    + "REFUSED, EXPIRED, REVOKED, ENDED; limit 1-1000, default 100.")
    public List<GrantView> search(@QueryParam("status") String status, @QueryParam("customerId") Long customerId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return grants.search(parseStatus(status), customerId, caller(), limit);
    }

    @GET
    @Path("{grantId}")
    @Operation(summary = "One grant", description = "404 also for another account's grant unless the caller is the top manager or an administrator.")
    public GrantView get(@PathParam("grantId") String grantId) {
        return grants.get(parseId(grantId), caller());
    }

    @POST
    @Path("{grantId}/approval")
    @RolesAllowed(Role.Names.TOP_MANAGER)
    @Operation(summary = "Approve a requested grant; it holds from now for its duration",
            description = "403 for the caller's own request, 409 when decided before, 404.")
    public GrantView approve(@PathParam("grantId") String grantId) {
        return grants.approve(parseId(grantId), caller());
    }

    @POST
    @Path("{grantId}/refusal")
    @RolesAllowed(Role.Names.TOP_MANAGER)
    @Operation(summary = "Refuse a requested grant", description = "403 for the caller's own request, 409 when decided before, 404.")
    public GrantView refuse(@PathParam("grantId") String grantId) {
        return grants.refuse(parseId(grantId), caller());
    }

    @POST
    @Path("{grantId}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.ADMIN, Role.Names.TOP_MANAGER})
    @Operation(summary = "Revoke an approved grant in force: it ends now",
            description = "{\"reason\"} -> 200 REVOKED; 409 when it is not in force; 404.")
    public GrantView revoke(@PathParam("grantId") String grantId, @NotNull @Valid RevocationRequest body) {
        return grants.revoke(parseId(grantId), body.reason().strip(), caller());
    }

    private Caller caller() {
        return SignedInCaller.from(identity);
    }

    private static long parseId(String value) {
        return PathIds.positive(value, GrantNotFoundException::new);
    }

    private static GrantStatus parseStatus(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return GrantStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Unknown status '" + value + "'; expected one of "
                    + Arrays.toString(GrantStatus.values()) + ".");
        }
    }
}
