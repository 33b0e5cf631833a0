package org.learningcities.gateway.docs;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;

/**
 * The event contract for partners, straight from the event-contracts module: the AsyncAPI document at
 * {@code /asyncapi.yaml} and the JSON schemas it references (relative {@code $ref: schemas/<file>}) at
 * {@code /schemas/<file>}. Public and cacheable: they change only with a release. Also the OpenAPI document of
 * what the gateway serves itself, which Swagger UI lists beside the services' documents.
 */
@Configuration(proxyBeanMethods = false)
class PartnerDocsConfiguration {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    /** Beside the services' documents, which the gateway routes under {@code /v3/api-docs/<service-name>}. */
    static final String GATEWAY_OPENAPI_PATH = "/v3/api-docs/gateway";

    /** Schema file names as the event-contracts module writes them; anything else is not a schema. */
    private static final Pattern SCHEMA_FILE = Pattern.compile("[a-z0-9.-]+\\.schema\\.json");

    private static final CacheControl CACHEABLE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    @Bean
    RouterFunction<ServerResponse> partnerDocs() {
        return RouterFunctions.route()
                .GET("/asyncapi.yaml", request -> serve(new ClassPathResource("asyncapi.yaml"), YAML))
                .GET("/schemas/{file}", PartnerDocsConfiguration::schema)
                .GET(GATEWAY_OPENAPI_PATH, request -> serve(new ClassPathResource("openapi/gateway.yaml"), YAML))
                .build();
    }

    private static Mono<ServerResponse> schema(ServerRequest request) {
        String file = request.pathVariable("file");
        ClassPathResource schema = new ClassPathResource("schemas/" + file);
        if (!SCHEMA_FILE.matcher(file).matches() || !schema.exists()) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return serve(schema, MediaType.APPLICATION_JSON);
    }

    private static Mono<ServerResponse> serve(Resource resource, MediaType type) {
        return ServerResponse.ok().contentType(type).cacheControl(CACHEABLE).bodyValue(resource);
    }
}
