package org.learningcities.authorization.clients;

import java.util.List;
import java.util.Set;

import org.learningcities.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * The applications that may ask for tokens, under {@code authorization.clients}; a deployment replaces the list.
 */
@ConfigurationProperties("authorization")
record ClientsProperties(@DefaultValue List<Client> clients) {

    /**
     * @param secret encoded with its encoder id ({@code {bcrypt}...}); none makes a public client, which must use
     *     PKCE
     * @param grantTypes {@code authorization_code}, {@code refresh_token}, {@code client_credentials}
     * @param roles the roles a client-credentials token carries: the client acts as itself, {@code sub} = client id
     */
    record Client(
            String clientId,
            String secret,
            @DefaultValue Set<String> grantTypes,
            @DefaultValue List<String> redirectUris,
            @DefaultValue Set<String> scopes,
            @DefaultValue List<Role> roles) {

        Client {
            Assert.hasText(clientId, "authorization.clients[].client-id is required");
            Assert.notEmpty(grantTypes, () -> "authorization.clients[].grant-types is required for " + clientId);
            Assert.isTrue(secret == null || secret.startsWith("{"),
                    () -> "authorization.clients[].secret of " + clientId
                            + " needs an encoder prefix such as {bcrypt} or {noop}");
            Assert.isTrue(secret != null || !grantTypes.contains("client_credentials"),
                    () -> "client " + clientId + " uses client_credentials and therefore needs a secret");
        }

        boolean isPublic() {
            return secret == null || secret.isEmpty();
        }
    }
}
