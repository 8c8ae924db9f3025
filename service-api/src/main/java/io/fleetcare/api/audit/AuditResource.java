package io.fleetcare.api.audit;

import io.fleetcare.api.account.Role;
import io.fleetcare.api.account.SignedInCaller;
import io.quarkus.security.identity.SecurityIdentity;
import io.fleetcare.api.problem.InvalidRequestException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The access register over HTTP: {@code GET /api/audit}, for administrators only. It has no write endpoint. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
@Tag(name = "Audit")
public class AuditResource {

    @Inject
    AuditRegister register;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "Audit entries, latest first",
            description = "Filters: actor, action, subjectType, subjectId, grantId, since (inclusive), until "
                    + "(exclusive, ISO instants); limit 1-1000, default 100.")
    public List<AuditView> search(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("subjectType") String subjectType, @QueryParam("subjectId") String subjectId,
            @QueryParam("grantId") Long grantId, @QueryParam("since") String since, @QueryParam("until") String until,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return register.search(new AuditFilter(blankToNull(actor), parse(AuditAction.class, action, "action"),
                parse(AuditSubject.class, subjectType, "subjectType"), blankToNull(subjectId), grantId,
                instant(since, "since"), instant(until, "until"), limit), SignedInCaller.from(identity).username());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Unknown " + name + " '" + value + "'; expected one of "
                    + Arrays.toString(type.getEnumConstants()) + ".");
        }
    }

    private static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name + " must be an ISO instant such as 2026-11-24T10:00:00Z.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
