package org.learningcities.authorization.clients;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.learningcities.authorization.tokens.TokenProperties;
import org.learningcities.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

@Configuration(proxyBeanMethods = false)
class ClientsConfiguration {

    @Bean
    RegisteredClientRepository registeredClientRepository(ClientsProperties properties, TokenProperties tokens) {
        List<RegisteredClient> clients = properties.clients().stream()
                .map(client -> registeredClient(client, tokens))
                .toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    private static RegisteredClient registeredClient(ClientsProperties.Client client, TokenProperties tokens) {
        // derived from the client id, so the internal id is the same after every restart
        String id = UUID.nameUUIDFromBytes(client.clientId().getBytes(StandardCharsets.UTF_8)).toString();
        RegisteredClient.Builder builder = RegisteredClient.withId(id)
                .clientId(client.clientId())
                .redirectUris(uris -> uris.addAll(client.redirectUris()))
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .authorizationGrantTypes(types -> client.grantTypes().stream()
                        .map(AuthorizationGrantType::new)
                        .forEach(types::add))
                .clientSettings(ClientSettings.builder()
                        // PKCE for every code flow, confidential clients included (OAuth 2.1)
                        .requireProofKey(true)
                        // first-party applications only: no consent screen
                        .requireAuthorizationConsent(false)
                        .setting(ClientRoles.SETTING, client.roles().stream().map(Role::name).toList())
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(tokens.accessTokenLifetime())
                        .refreshTokenTimeToLive(tokens.refreshTokenLifetime())
                        .reuseRefreshTokens(false)
                        .build());
        if (client.isPublic()) {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            builder.clientSecret(client.secret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        }
        return builder.build();
    }
}
