package org.learningcities.authorization.tokens;

import java.util.List;

import org.learningcities.authorization.accounts.AccountsProperties;
import org.learningcities.authorization.accounts.AccountsProperties.DemoUser;
import org.learningcities.authorization.clients.ClientRoles;
import org.learningcities.security.Role;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts what the services need into the tokens: {@code roles} (names of {@link Role}), and for people {@code email} and
 * {@code name}. Access tokens are addressed to the platform's API ({@code aud}), not to the client that asked for
 * them, because the services check the audience. ID tokens keep the client as audience, as OpenID Connect requires.
 */
@Component
class PlatformClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES = "roles";

    private final AccountsProperties accounts;
    private final TokenProperties tokens;

    PlatformClaims(AccountsProperties accounts, TokenProperties tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        JwtClaimsSet.Builder claims = context.getClaims();
        if (accessToken) {
            claims.audience(List.of(tokens.audience()));
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            // the client acts as itself: sub is already its client id
            claims.claim(ROLES, ClientRoles.of(context.getRegisteredClient()));
            return;
        }
        String username = context.getPrincipal().getName();
        DemoUser user = accounts.find(username)
                .orElseThrow(() -> new IllegalStateException("No configured account " + username));
        claims.claim(ROLES, user.roles().stream().map(Role::name).toList());
        claims.claim(StandardClaimNames.EMAIL, user.email());
        claims.claim(StandardClaimNames.NAME, user.name());
    }
}
