package io.fleetcare.api.account;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Account administration: {@code /api/accounts}, ADMIN only (seed 000 "三、信息安全管理制度 1. 访问控制": personal
 * accounts, least privilege). Accounts are created, never changed or deleted through the API yet.
 */
@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
@Tag(name = "Accounts")
public class AccountResource {

    @Inject
    AccountRepository accounts;

    @Inject
    AccountService service;

    @Inject
    SecurityIdentity identity;

    @GET
    @Transactional
    @Operation(summary = "Every account with its roles, by username")
    public List<AccountView> list() {
        return accounts.listAll().stream().map(AccountView::of)
                .sorted(Comparator.comparing(AccountView::username)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a personal account",
            description = "{\"username\",\"password\",\"roles\":[\"FIELD_ENGINEER\"]} -> 201; 400; 409 when the "
                    + "username is taken.")
    public Response create(@NotNull @Valid AccountRequest body) {
        Account account = service.create(body.username(), body.password(), RoleNames.parse(body.roles()),
                SignedInCaller.from(identity).username());
        return Response.status(Response.Status.CREATED).entity(AccountView.of(account)).build();
    }

}
