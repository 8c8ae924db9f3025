package io.fleetcare.api.part;

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
 * Spare parts over HTTP: {@code /api/parts}. Engineers, managers and administrators read the catalog and stock;
 * service managers and administrators keep the catalog; movements are booked by service managers (the store
 * issues against a requisition the head of service approved, seed 004 §3.6.1).
 */
@Path("/api/parts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
@Tag(name = "Spare parts")
public class PartResource {

    @Inject
    SpareParts parts;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Enter a spare part in the catalog",
            description = "Answers 201 with the part; 409 when a part of that name and spec is in the catalog.")
    public Response add(@NotNull @Valid PartRequest body, @Context UriInfo uri) {
        PartView part = parts.add(body.name().strip(), body.spec().strip(),
                parse(AbcClass.class, body.abcClass(), "abcClass"), caller());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(part.partId())).build())
                .entity(part).build();
    }

    @GET
    @Operation(summary = "Catalog with stock, by id", description = "Optionally only one ABC class.")
    public List<PartView> search(@QueryParam("abcClass") String abcClass,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return parts.search(abcClass == null || abcClass.isBlank() ? null
                : parse(AbcClass.class, abcClass, "abcClass"), limit);
    }

    @GET
    @Path("{partId}")
    @Operation(summary = "One part with its stock by location and condition and its latest movements")
    public PartView get(@PathParam("partId") String partId) {
        return parts.get(parseId(partId));
    }

    @POST
    @Path("{partId}/movements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.SERVICE_MANAGER)
    @Operation(summary = "Book a movement of stock",
            description = "RECEIPT into good stock; ISSUE from good stock for a ticket (409 when it would go below "
                    + "zero); RETURN of a replaced part from a ticket; REFURBISHED (returned -> good) or "
                    + "FOUND_DEFECTIVE (returned -> defective) after analysis; RETURN_TO_MAKER from defective stock. "
                    + "Answers the part with its stock.")
    public PartView move(@PathParam("partId") String partId, @NotNull @Valid MovementRequest body) {
        return parts.move(parseId(partId), parse(MovementKind.class, body.kind(), "kind"), body.location().strip(),
                body.quantity(), body.ticketNumber() == null || body.ticketNumber().isBlank() ? null
                        : body.ticketNumber().strip(),
                body.person().strip(), body.note() == null || body.note().isBlank() ? null : body.note().strip(),
                caller());
    }

    private Caller caller() {
        return SignedInCaller.from(identity);
    }

    private static long parseId(String value) {
        return PathIds.positive(value, PartNotFoundException::new);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Unknown " + field + " '" + value + "'; expected one of "
                    + Arrays.toString(type.getEnumConstants()) + ".");
        }
    }
}
