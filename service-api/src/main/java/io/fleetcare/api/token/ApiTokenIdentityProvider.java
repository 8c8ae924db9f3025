package io.fleetcare.api.token;

import io.fleetcare.api.account.Role;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Turns a bearer API token into the identity of its machine client: principal {@code token:<name>}, its roles. A bearer
 * value that is no API token ({@link TokenSecret#wellFormed}) is left to other providers; an unknown, expired or
 * revoked API token fails the sign-in.
 */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    ApiTokens tokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String secret = request.getToken().getToken();
        if (!TokenSecret.wellFormed(secret)) {
            // not one of ours (e.g. a JWT): leave it to any other provider of bearer tokens; none -> 401
            return Uni.createFrom().nullItem();
        }
        return context.runBlocking(() -> {
            ApiTokens.SignedInToken token = tokens.verify(secret).orElseThrow(AuthenticationFailedException::new);
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(token.principal()))
                    .addCredential(request.getToken());
            token.roles().stream().map(Role::name).forEach(identity::addRole);
            return identity.build();
        });
    }
}
