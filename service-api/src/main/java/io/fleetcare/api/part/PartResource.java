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
    Stocktakes stocktakes;

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
                    + "FOUND_DEFECTIVE (returned -> defective) after analysis; RETURN_TO_MAKER or SCRAPPED from "
                    + "defective stock. ISSUE and RETURN name their ticket and are booked for its assigned engineer; "
                    + "every other kind names a ticket or a reason and is booked for the caller. A RETURN beyond "
                    + "what the ticket was issued and not yet returned is refused 409 (return-exceeds-issue). "
                    + "Answers the part with its stock.")
    public PartView move(@PathParam("partId") String partId, @NotNull @Valid MovementRequest body) {
        return parts.move(parseId(partId), parse(MovementKind.class, body.kind(), "kind"), body.location().strip(),
                body.quantity(), blankToNull(body.ticketNumber()), blankToNull(body.reason()),
                blankToNull(body.person()), blankToNull(body.note()), caller());
    }

    @POST
    @Path("stocktakes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.SERVICE_MANAGER)
    @Operation(summary = "Record a stocktake of one location",
            description = "Counted quantities per part and condition against the booked ones; each difference is "
                    + "booked as a STOCKTAKE_SURPLUS or STOCKTAKE_SHORTAGE movement with the caller as the person "
                    + "who counted and the stocktake's reason (seed 004 §3.7.1). Answers 201 with the lines and "
                    + "whether the ledger of every counted part balances afterwards; 400 and nothing booked when a "
                    + "line names an unknown part or condition, a negative count or a line twice.")
    public Response stocktake(@NotNull @Valid StocktakeRequest body, @Context UriInfo uri) {
        List<Stocktakes.CountedLine> lines = body.lines().stream().map(l -> new Stocktakes.CountedLine(l.partId(),
                parse(StockCondition.class, l.condition(), "condition"), l.counted())).toList();
        StocktakeView view = stocktakes.record(body.location().strip(), body.reason().strip(), lines, caller());
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
