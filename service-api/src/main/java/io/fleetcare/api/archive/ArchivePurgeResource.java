package io.fleetcare.api.archive;

import io.fleetcare.api.account.Role;
import io.fleetcare.api.account.SignedInCaller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The purge after retention over HTTP: {@code POST /api/archive/purge}, administrators only. */
@Path("/api/archive/purge")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
@Tag(name = "Archive")
public class ArchivePurgeResource {

    @Inject
    ArchivePurge purge;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Delete what is past its retention: customers and repair records after 3 years, audit "
            + "entries after 2", description = "Answers what was deleted; each deletion is audited with the reason.")
    public PurgeReport purge(@NotNull @Valid PurgeRequest body) {
        return purge.purge(body.reason().strip(), SignedInCaller.from(identity));
    }
}
