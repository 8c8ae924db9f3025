package io.fleetcare.api.site;

import io.fleetcare.api.account.Role;
import io.fleetcare.api.account.SignedInCaller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sites over HTTP: {@code /api/sites/{siteId}}. Every role may read a site and its outages; putting devices at
 * a site needs SERVICE_MANAGER or ADMIN.
 */
@Path("/api/sites/{siteId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.NOC_OPERATOR, Role.Names.FIELD_ENGINEER, Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
@Tag(name = "Sites")
public class SiteResource {

    private static final String SITE_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    @Inject
    SiteStore store;

    @Inject
    SiteCorrelationConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "A site: how many devices run there and its outages, latest first")
    public SiteView get(@PathParam("siteId") @Pattern(regexp = SITE_ID) String siteId) {
        return QuarkusTransaction.requiringNew().call(() -> view(siteId));
    }

    @PUT
    @Path("devices")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.SERVICE_MANAGER, Role.Names.ADMIN})
    @Operation(summary = "Put devices at the site (a device at another site moves here)")
    public SiteView assign(@PathParam("siteId") @Pattern(regexp = SITE_ID) String siteId,
            @Valid @NotNull SiteAssignment body) {
        String by = SignedInCaller.from(identity).username();
        QuarkusTransaction.requiringNew().run(() -> store.assign(siteId, body.deviceIds().stream().distinct().toList(),
                by, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        return get(siteId);
    }

    private SiteView view(String siteId) {
        int size = store.size(siteId);
        return new SiteView(siteId, size, config.rule().threshold(size), store.incidents(siteId, 20).stream()
                .map(i -> new SiteView.IncidentView(i.alertId(), i.ticketNumber(), i.startedAt(), i.openedAt(),
                        i.closedAt(), i.peakOffline(), store.stillOffline(i.id()).size()))
                .toList());
    }
}
