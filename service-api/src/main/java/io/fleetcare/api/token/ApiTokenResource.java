package io.fleetcare.api.token;

import io.fleetcare.api.account.Role;
import io.fleetcare.api.account.RoleNames;
import io.fleetcare.api.account.SignedInCaller;
import io.fleetcare.api.problem.PathIds;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * API tokens of machine clients: {@code /api/tokens}, ADMIN only. A client sends its token as
 * {@code Authorization: Bearer <token>}.
 */
@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
@Tag(name = "API tokens")
public class ApiTokenResource {

    @Inject
    ApiTokens tokens;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue an API token for a machine client",
            description = "{\"name\",\"roles\":[\"NOC_OPERATOR\"],\"expiresAt\"} -> 201 with the secret in \"token\", "
                    + "shown this once; 400 for TOP_MANAGER, an unknown role or an expiry not in the next 366 days.")
    public Response issue(@NotNull @Valid ApiTokenRequest body, @Context UriInfo uri) {
        IssuedApiTokenView issued = tokens.issue(body.name(), RoleNames.parse(body.roles()), body.expiresAt(),
                SignedInCaller.from(identity));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(issued.stored().tokenId())).build())
                .entity(issued).build();
    }

    @GET
    @Operation(summary = "Every API token with its status and last use (to the minute), latest first; no secrets")
    public List<ApiTokenView> list() {
        return tokens.list();
    }

    @GET
    @Path("{tokenId}")
    @Operation(summary = "One API token; no secret", description = "404 for an unknown id.")
    public ApiTokenView get(@PathParam("tokenId") String tokenId) {
        return tokens.get(parseId(tokenId));
    }

    @POST
    @Path("{tokenId}/revocation")
    @Operation(summary = "Revoke an API token: refused from now on, on every instance",
            description = "200 with the token REVOKED (also when it was revoked before); 404.")
    public ApiTokenView revoke(@PathParam("tokenId") String tokenId) {
        return tokens.revoke(parseId(tokenId), SignedInCaller.from(identity));
    }

    private static long parseId(String value) {
        return PathIds.positive(value, ApiTokenNotFoundException::new);
    }

}
