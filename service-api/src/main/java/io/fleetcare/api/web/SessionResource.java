package io.fleetcare.api.web;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.account.SignedInCaller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The web UI's session: who is signed in (by the form login's cookie or HTTP Basic), and signing out. Open to
 * anonymous callers on purpose: the UI asks before it shows a page and sends an anonymous visitor to the login
 * page instead of provoking the browser's Basic dialog. Wrong credentials are still answered 401.
 */
@Path("/api/session")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Web UI")
public class SessionResource {

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String sessionCookie;

    @GET
    @Operation(summary = "Who is signed in",
            description = "{\"authenticated\":false,\"roles\":[]} for an anonymous caller, otherwise the "
                    + "username, roles and the CSRF token that state-changing calls of the web session carry in "
                    + "X-FleetCare-CSRF (also set as the cookie fleetcare-csrf).")
    public Response current(@CookieParam(CsrfProtection.COOKIE) String csrfCookie) {
        if (identity.isAnonymous()) {
            return Response.ok(SessionView.anonymous()).build();
        }
        Caller caller = SignedInCaller.from(identity);
        String token = CsrfProtection.wellFormed(csrfCookie) ? csrfCookie : CsrfProtection.newToken();
        NewCookie cookie = new NewCookie.Builder(CsrfProtection.COOKIE).value(token).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.ok(new SessionView(true, caller.username(), caller.roles(), token)).cookie(cookie).build();
    }

    @DELETE
    @Operation(summary = "Sign out of the web UI",
            description = "Expires the session and CSRF cookies; 204. In a web session it needs the CSRF token.")
    public Response signOut() {
        NewCookie expired = new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0)
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build();
        NewCookie csrf = new NewCookie.Builder(CsrfProtection.COOKIE).value("").path("/").maxAge(0)
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.noContent().cookie(expired, csrf).build();
    }
}
