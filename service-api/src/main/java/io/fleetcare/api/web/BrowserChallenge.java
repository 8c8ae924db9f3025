package io.fleetcare.api.web;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How the web UI is asked to sign in, without the browser's Basic dialog. It authenticates nobody (the login form
 * and HTTP Basic do); it only answers the challenge first:
 * <ul>
 *   <li>a call from the UI's scripts (header {@value #UI_HEADER}) gets a bare 401, which the page turns into a trip
 *       to the login page or a message (a 401 with {@code WWW-Authenticate: basic} would make the browser pop up its
 *       own dialog);</li>
 *   <li>an anonymous browser opening a protected page under {@code /ui/} is sent to the login page (302);</li>
 *   <li>a script of one of this service's pages that cannot send the header (the alert stream's
 *       {@code EventSource}, recognised by {@code Sec-Fetch-Site: same-origin}) also gets a bare 401;</li>
 *   <li>everything else gets the HTTP Basic challenge ({@code WWW-Authenticate: basic realm="…"}), so API clients
 *       see the same answer as before the form login existed (with the form enabled, Quarkus' Basic mechanism no
 *       longer challenges by itself).</li>
 * </ul>
 */
@ApplicationScoped
public class BrowserChallenge implements HttpAuthenticationMechanism {

    /** Header the UI's scripts send on every call. */
    public static final String UI_HEADER = "X-FleetCare-UI";
    static final String LOGIN_PAGE = "/ui/login.html";

    @ConfigProperty(name = "quarkus.http.auth.realm", defaultValue = "Quarkus")
    String realm;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (context.request().getHeader(UI_HEADER) != null) {
            return Uni.createFrom().item(new ChallengeData(401));
        }
        String path = context.normalizedPath();
        if (path.startsWith("/ui/") && !path.equals(LOGIN_PAGE)) {
            return Uni.createFrom().item(new ChallengeData(302, "Location", LOGIN_PAGE));
        }
        if (fromOwnPageScript(context)) {
            return Uni.createFrom().item(new ChallengeData(401));
        }
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "basic realm=\"" + realm + "\""));
    }

    /**
     * A request a page of this service made by script, e.g. the NOC page's {@code EventSource}, which cannot send
     * {@link #UI_HEADER}: browsers mark it {@code Sec-Fetch-Site: same-origin} and a mode other than navigate.
     */
    private static boolean fromOwnPageScript(RoutingContext context) {
        return "same-origin".equals(context.request().getHeader("Sec-Fetch-Site"))
                && !"navigate".equals(context.request().getHeader("Sec-Fetch-Mode"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }
}
