package io.fleetcare.api.login;

import io.fleetcare.api.audit.RequestOrigin;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The sign-in of the service (HTTP Basic and the login form): runs before the identity provider of Quarkus Security
 * JPA (higher priority) and answers every username/password request itself through {@link LoginGuard}, so that the
 * throttle and the audit of sign-ins cannot be bypassed. An attempt that comes too early is refused on the event loop,
 * before any worker thread, bcrypt or database connection is used, and answered 429 with {@code Retry-After} (whole
 * seconds) through Quarkus' per-request authentication failure handler. A wrong password that starts a wait is
 * answered as usual (401 challenge, or the form's failure) with {@code Retry-After} added.
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
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        RequestOrigin origin = RequestOrigin.of(routing);
        Optional<Duration> wait = guard.waitBefore(request.getUsername(), origin);
        if (wait.isPresent()) {
            remember(routing, wait.get(), true);
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return context.runBlocking(() -> {
            SignInOutcome outcome = guard.signIn(request, origin);
            if (!outcome.admitted()) {
                if (outcome.retryAfter() != null) {
                    remember(routing, outcome.retryAfter(), false);
                }
                throw new AuthenticationFailedException();
            }
            return outcome.identity();
        });
    }

    private static void remember(RoutingContext routing, Duration wait, boolean tooEarly) {
        if (routing == null) {
            return;
        }
        String seconds = Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
        routing.response().headers().set("Retry-After", seconds);
        if (tooEarly) {
            // replaces the challenge (HTTP Basic) and the form's own failure answer for this request only
            routing.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (ctx, e) -> {
                if (!ctx.response().ended()) {
                    ctx.response().setStatusCode(429).putHeader("Retry-After", seconds).end();
                }
            });
        }
    }
}
