package org.learningcities.gateway.docs;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the platform's OpenAPI document, the one Swagger UI opens on. The gateway answers it itself, before any
 * route: public like the services' documents, and outside the rate budgets, which only routed requests spend (served
 * from a cache, it costs the services one request each per cache time at most).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformApiDocsProperties.class)
class PlatformApiDocsConfiguration {

    /** Beside the services' documents, which the gateway routes under {@code /v3/api-docs/<service-name>}. */
    static final String PLATFORM_OPENAPI_PATH = "/v3/api-docs/platform";

    @Bean
    RouterFunction<ServerResponse> platformApiDocs(PlatformApiDocument document) {
        return RouterFunctions.route()
                .GET(PLATFORM_OPENAPI_PATH, request -> document.json().flatMap(json -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(json)))
                .build();
    }
}
