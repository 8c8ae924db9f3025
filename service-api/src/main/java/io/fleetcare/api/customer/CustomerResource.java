package io.fleetcare.api.customer;

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
 * The customer archive over HTTP: {@code /api/customers}. Service managers and administrators register and list
 * customers; every role reads one entry, class-1 fields masked unless the caller holds an access grant for the
 * customer. There is no update
 * and no delete: an entry once written is never changed (seed 000 §3.7.4) and is kept three years (§3.7.2).
 */
@Path("/api/customers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
@Tag(name = "Customers")
public class CustomerResource {

    @Inject
    CustomerArchive archive;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enter a customer in the archive", description = "Answers 201 with the entry and its Location.")
    public Response register(@NotNull @Valid CustomerRegistrationRequest body, @Context UriInfo uri) {
        List<NewContact> contacts = body.contacts() == null ? List.of()
                : body.contacts().stream().map(ContactRequest::toContact).toList();
        String address = body.address() == null || body.address().isBlank() ? null : body.address().strip();
        CustomerView customer = archive.register(body.name().strip(), parseTier(body.tier()),
                parseKind(body.kind()), address, contacts, caller());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(customer.customerId())).build())
                .entity(customer).build();
    }

    @GET
    @Operation(summary = "Customers by id, optionally of one tier")
    public List<CustomerView> search(@QueryParam("tier") String tier,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return archive.search(tier == null || tier.isBlank() ? null : parseTier(tier), limit, caller());
    }

    @GET
    @Path("{customerId}")
    @RolesAllowed({Role.Names.NOC_OPERATOR, Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "One customer",
            description = "Address, contacts and devices owned (class 1; for a HOME customer also the name) in full "
                    + "only under the caller's approved, unexpired access grant for the customer (POST /api/grants); "
                    + "masked otherwise.")
    public CustomerView get(@PathParam("customerId") String customerId) {
        return archive.get(parseId(customerId), caller());
    }

    @POST
    @Path("{customerId}/contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a contact person", description = "Answers 201 with the contact; 404 for an unknown customer.")
    public Response addContact(@PathParam("customerId") String customerId, @NotNull @Valid ContactRequest body,
            @Context UriInfo uri) {
        long id = parseId(customerId);
        CustomerView.Contact contact = archive.addContact(id, body.toContact(), caller());
        return Response.created(uri.getBaseUriBuilder().path("api/customers").path(Long.toString(id)).build())
                .entity(contact).build();
    }

    private Caller caller() {
        return SignedInCaller.from(identity);
    }

    private static long parseId(String value) {
        return PathIds.positive(value, CustomerNotFoundException::new);
    }

    private static CustomerKind parseKind(String value) {
        if (value == null || value.isBlank()) {
            return CustomerKind.HOME;
        }
        try {
            return CustomerKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Unknown kind '" + value + "'; expected one of "
                    + Arrays.toString(CustomerKind.values()) + ".");
        }
    }

    private static CustomerTier parseTier(String value) {
        try {
            return CustomerTier.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Unknown tier '" + value + "'; expected one of "
                    + Arrays.toString(CustomerTier.values()) + ".");
        }
    }
}
