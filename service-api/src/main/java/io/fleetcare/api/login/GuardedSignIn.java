package io.fleetcare.api.login;

import io.fleetcare.api.audit.RequestOrigin;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The HTTP Basic sign-in of the service: runs before the identity provider of Quarkus Security JPA (higher
 * priority) and answers every username/password request itself through {@link LoginGuard}, so that lockout and the
 * audit of sign-ins cannot be bypassed.
 */
@ApplicationScoped
public class GuardedSignIn implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    LoginGuard guard;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RequestOrigin origin = RequestOrigin.of(HttpSecurityUtils.getRoutingContextAttribute(request));
        return context.runBlocking(() -> {
            SignInOutcome outcome = guard.signIn(request, origin);
            if (!outcome.admitted()) {
                throw new AuthenticationFailedException();
            }
            return outcome.identity();
        });
    }
}
