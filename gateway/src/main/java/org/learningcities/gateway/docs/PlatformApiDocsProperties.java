package org.learningcities.gateway.docs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway builds the platform's OpenAPI document from the services' own.
 *
 * @param fetchTimeout longest wait for one service's document; a service slower than this is left out, so Swagger UI
 *                     never waits long for the others
 * @param cacheTime    how long a merged document is served before the services are asked again, so Swagger UI
 *                     reloads do not reach the services
 */
@ConfigurationProperties("gateway.api-docs")
record PlatformApiDocsProperties(
        @DefaultValue("3s") Duration fetchTimeout,
        @DefaultValue("30s") Duration cacheTime) {
}
