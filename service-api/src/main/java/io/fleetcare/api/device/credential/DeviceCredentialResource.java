package io.fleetcare.api.device.credential;

import io.fleetcare.api.account.Role;
import io.fleetcare.api.account.SignedInCaller;
import io.fleetcare.api.problem.InvalidRequestException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A device's credential for the gateway: {@code /api/devices/{deviceId}/credentials}, administrators only. The
 * secret is shown once, in the answer to the POST that made it.
 */
@Path("/api/devices/{deviceId}/credentials")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
@Tag(name = "Device credentials")
public class DeviceCredentialResource {

    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Inject
    DeviceCredentials credentials;

    @Inject
    SecurityIdentity identity;

    @POST
    @Operation(summary = "Issue or rotate the device's secret",
            description = "Makes a new random secret, stores only its hash (and, for set-top boxes, the CoAP "
                    + "pre-shared key sealed), hands the change to the gateways and the broker, and answers 201 with "
                    + "the secret: the only time it is shown. The previous secret stops working for new connections "
                    + "once the gateways read the change (seconds). 404 for an unregistered device; 503 when the "
                    + "change could not be distributed (then nothing changed).")
    public Response rotate(@PathParam("deviceId") String deviceId) {
        checkDevice(deviceId);
        IssuedCredentialView issued = credentials.rotate(deviceId, SignedInCaller.from(identity));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoTransform(false);
        return Response.status(Response.Status.CREATED).entity(issued).cacheControl(noStore).build();
    }

    @GET
    @Operation(summary = "The device's credential: version, when and by whom it was issued, no secret",
            description = "404 for an unregistered device or one without a credential.")
    public CredentialView describe(@PathParam("deviceId") String deviceId) {
        checkDevice(deviceId);
        return credentials.describe(deviceId);
    }

    private static void checkDevice(String deviceId) {
        if (!DEVICE_ID.matcher(deviceId).matches()) {
            throw new InvalidRequestException("deviceId must be 1-64 letters, digits or . _ -");
        }
    }
}
