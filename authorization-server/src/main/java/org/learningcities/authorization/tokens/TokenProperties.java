package org.learningcities.authorization.tokens;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param accessTokenLifetime how long an access token is accepted by the services; short, because a token cannot be
 *     revoked once issued (services validate it offline against the JWK set)
 * @param refreshTokenLifetime for confidential clients using the authorization code flow
 * @param audience the {@code aud} every access token carries; the services accept only this audience
 */
@ConfigurationProperties("authorization.tokens")
public record TokenProperties(
        @DefaultValue("30m") Duration accessTokenLifetime,
        @DefaultValue("8h") Duration refreshTokenLifetime,
        @DefaultValue("learning-cities-api") String audience) {
}
