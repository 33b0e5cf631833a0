package org.learningcities.gateway.docs;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.micrometer.observation.ObservationRegistry;
import org.learningcities.gateway.docs.OpenApiMerge.Merged;
import org.learningcities.gateway.docs.OpenApiMerge.ServiceDocument;
import org.learningcities.gateway.routing.PlatformService;
import org.learningcities.gateway.routing.ServiceUris;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The platform's OpenAPI document: the four services' documents, fetched from the services themselves and merged
 * ({@link OpenApiMerge}), framed as one API served by the gateway. A service that does not answer in time, or not
 * with an OpenAPI document, is left out and named in {@code x-unavailable-services}; the others are still served.
 * The merged document is kept for {@link PlatformApiDocsProperties#cacheTime()}; concurrent requests while it is
 * being built share one round of fetches.
 */
@Component
class PlatformApiDocument {

    private static final Logger log = LoggerFactory.getLogger(PlatformApiDocument.class);

    /** Used when no service answered, so there is no version to follow. */
    private static final String OPENAPI_VERSION = "3.1.0";

    /** Far above what a service documents; WebClient's default buffer (256 KB) could refuse a large document. */
    private static final int MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

    private static final String DESCRIPTION = """
            Every public endpoint of the Learning Cities platform in one document: the paths the gateway routes to \
            %s, merged from the services' own OpenAPI documents (which Swagger UI also lists one by one). Call them \
            through the gateway. Endpoints open to anonymous callers need no token; the others answer 401 without \
            one. What the gateway may answer itself (401, 413, 429, 503, 504 as application/problem+json) is in \
            /v3/api-docs/gateway.""";

    private final ServiceUris services;
    private final PlatformApiDocsProperties properties;
    private final JsonMapper json;
    private final String issuer;
    private final WebClient client;
    private final Mono<String> document;

    PlatformApiDocument(ServiceUris services, PlatformApiDocsProperties properties, JsonMapper json,
                        ObservationRegistry observations,
                        @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        this.services = services;
        this.properties = properties;
        this.json = json;
        this.issuer = issuer;
        this.client = WebClient.builder()
                .observationRegistry(observations)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_DOCUMENT_BYTES))
                .build();
        this.document = Mono.defer(this::fetchAndMerge)
                .cache(merged -> properties.cacheTime(), failure -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** The merged document as JSON, at most {@code cacheTime} old. */
    Mono<String> json() {
        return document;
    }

    private Mono<String> fetchAndMerge() {
        return Flux.fromArray(PlatformService.values())
                // All at once; in route-table order, so the merge (and which service wins a tag) does not vary.
                .flatMapSequential(this::fetch)
                .collectList()
                .map(available -> json.writeValueAsString(frame(available)));
    }

    /** The service's document, or nothing if the service cannot give one now. */
    private Mono<ServiceDocument> fetch(PlatformService service) {
        return client.get()
                .uri(services.of(service).resolve(PlatformService.SERVICE_OPENAPI_PATH))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(String.class)
                .map(json::readTree)
                .filter(OpenApiMerge::isOpenApiDocument)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("its answer is not an OpenAPI document")))
                .timeout(properties.fetchTimeout(), Mono.error(() -> new TimeoutException(
                        "no OpenAPI document within " + properties.fetchTimeout().toMillis() + " ms")))
                .map(document -> new ServiceDocument(service, document))
                .onErrorResume(failure -> {
                    log.warn("The platform's OpenAPI document leaves out {}: {}", service.serviceName(),
                            failure.toString());
                    return Mono.empty();
                });
    }

    private ObjectNode frame(List<ServiceDocument> available) {
        List<String> unavailable = Arrays.stream(PlatformService.values())
                .filter(service -> available.stream().noneMatch(document -> document.service() == service))
                .map(PlatformService::serviceName)
                .toList();
        Merged merged = OpenApiMerge.merge(available);
        ObjectNode document = json.createObjectNode();
        // The services' documents come from the same springdoc release, so they share one version.
        document.put("openapi", available.stream()
                .map(serviceDocument -> serviceDocument.document().get("openapi").stringValue())
                .findFirst()
                .orElse(OPENAPI_VERSION));
        ObjectNode info = document.putObject("info");
        info.put("title", "Learning Cities platform API");
        info.put("version", "1.0.0");
        info.put("description", description(unavailable));
        // Relative: Swagger UI and clients call the gateway that served the document, whatever its address.
        document.putArray("servers").addObject().put("url", "/").put("description", "this gateway");
        // Anonymous callers may read the released programme and register, so a token is one alternative, not a must.
        ArrayNode security = document.putArray("security");
        security.addObject();
        security.addObject().putArray("bearer");
        document.set("tags", merged.tags());
        document.set("paths", merged.paths());
        ObjectNode components = merged.components();
        // No OAuth2 flow for Swagger UI's Authorize button: the authorization server registers no redirect to the
        // gateway's Swagger UI, so it takes a token obtained elsewhere.
        components.putObject("securitySchemes").putObject("bearer")
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "An access token from the platform's authorization server, " + issuer
                        + ": authorization code with PKCE for front ends, client credentials for partner systems;"
                        + " bin/token prints one for a demo user.");
        document.set("components", components);
        if (!unavailable.isEmpty()) {
            ArrayNode names = document.putArray("x-unavailable-services");
            unavailable.forEach(names::add);
        }
        return document;
    }

    private static String description(List<String> unavailable) {
        String description = DESCRIPTION.formatted(String.join(", ", Arrays.stream(PlatformService.values())
                .map(PlatformService::serviceName)
                .toList()));
        return unavailable.isEmpty()
                ? description
                : description + "\n\nNot answering at the moment, so their paths are missing: "
                        + String.join(", ", unavailable) + ". Reload in a little while.";
    }
}
