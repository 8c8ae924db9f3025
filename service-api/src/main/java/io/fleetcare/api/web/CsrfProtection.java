package io.fleetcare.api.web;

import io.fleetcare.api.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * CSRF tokens for the web UI (issue 21), by double submission: {@code GET /api/session} hands a signed-in browser a
 * random token both in its answer ({@code csrfToken}) and in the cookie {@value #COOKIE} (HttpOnly, SameSite=Strict);
 * the UI's scripts send it back in the header {@value #HEADER} on every state-changing call. A POST, PUT, PATCH or
 * DELETE that carries the form login's session cookie is refused with 403
 * ({@code urn:fleetcare:problem:csrf-token-required}) unless the header matches the cookie. Another site can make a
 * browser send the cookies, but can neither read the token nor set a header without the service's consent (no CORS).
 *
 * <p>Calls with an {@code Authorization} header (HTTP Basic, API tokens) are not checked: a browser never adds one to
 * a cross-site request by itself. Calls without the session cookie are not checked either: they are signed in by
 * nothing a browser sends on its own.
 */
public class CsrfProtection {

    /** The cookie holding the token the UI must echo. */
    public static final String COOKIE = "fleetcare-csrf";
    /** The header the UI's scripts echo it in. */
    public static final String HEADER = "X-FleetCare-CSRF";
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final SecureRandom RANDOM = new SecureRandom();

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String sessionCookie;

    @ServerRequestFilter
    public Response refuseSessionCallsWithoutToken(ContainerRequestContext request) {
        if (!STATE_CHANGING.contains(request.getMethod())
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || !request.getCookies().containsKey(sessionCookie)) {
            return null;
        }
        Cookie cookie = request.getCookies().get(COOKIE);
        String sent = request.getHeaderString(HEADER);
        if (cookie != null && matches(cookie.getValue(), sent)) {
            return null;
        }
        Problem problem = new Problem(Problem.type("csrf-token-required"), "CSRF token required", 403,
                "A call signed in by the web session must carry the session's CSRF token in the " + HEADER
                        + " header (GET /api/session hands it out).", null);
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** A new token: 32 random bytes, URL-safe base64. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a cookie value is a token {@link #newToken} could have made (so it is kept rather than replaced). */
    static boolean wellFormed(String value) {
        return value != null && value.matches("[A-Za-z0-9_-]{43}");
    }

    private static boolean matches(String expected, String sent) {
        if (!wellFormed(expected) || sent == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.UTF_8));
    }
}
