package io.fleetcare.api.kpi;

import io.fleetcare.api.account.Role;
import io.fleetcare.api.problem.InvalidRequestException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Service KPIs over HTTP: {@code /api/kpis}, for service managers and administrators. */
@Path("/api/kpis")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
@Tag(name = "KPIs")
public class KpiResource {

    @Inject
    Kpis kpis;

    @GET
    @Operation(summary = "Service KPIs of a period, optionally per model, engineer or firmware",
            description = "from and to are days (YYYY-MM-DD, both inclusive, in the SLA time zone), at most "
                    + Kpis.MAX_DAYS + " days apart; groupBy is none (default), model, engineer or firmware. "
                    + "Rates are 0..1, null without a denominator.")
    public KpiReport get(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy) {
        return kpis.of(day(from, "from"), day(to, "to"), grouping(groupBy));
    }

    private static LocalDate day(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("'" + field + "' is required (YYYY-MM-DD).");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("'" + field + "' is not a day (YYYY-MM-DD).");
        }
    }

    private static KpiGrouping grouping(String value) {
        if (value == null || value.isBlank()) {
            return KpiGrouping.NONE;
        }
        try {
            return KpiGrouping.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Unknown groupBy '" + value + "'; expected one of "
                    + Arrays.stream(KpiGrouping.values()).map(KpiGrouping::apiName).toList() + ".");
        }
    }
}
