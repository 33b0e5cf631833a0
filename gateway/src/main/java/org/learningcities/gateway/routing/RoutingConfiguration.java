package org.learningcities.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import java.net.URI;
import java.util.Optional;

import org.learningcities.gateway.resilience.ResilienceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Turns the {@link PlatformService} table into gateway routes. Per service: its server-sent-event streams (no
 * response timeout, no breaker), its public API (forwarded unchanged, the service's response timeout, the service's
 * circuit breaker) and its OpenAPI document. Nothing outside these paths ever reaches a service.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ServiceUris.class, ResilienceProperties.class})
public class RoutingConfiguration {

    /** Route metadata key holding the {@link PlatformService} a route forwards to. */
    private static final String OWNING_SERVICE = "platform-service";

    /** Reactor Netty reads a negative per-route response timeout as "none". */
    private static final long NO_RESPONSE_TIMEOUT = -1;

    @Bean
    RouteLocator platformRoutes(RouteLocatorBuilder routes, ServiceUris serviceUris,
                                ResilienceProperties resilience) {
        RouteLocatorBuilder.Builder table = routes.routes();
        for (PlatformService service : PlatformService.values()) {
            URI serviceUri = serviceUris.of(service);
            long responseTimeout = resilience.responseTimeoutOf(service).toMillis();
            if (!service.streamPathPatterns().isEmpty()) {
                table.route(service.serviceName() + "-stream", route -> route
                        // Before the API route, whose patterns also cover the streams.
                        .order(-1)
                        .method(HttpMethod.GET)
                        .and().path(service.streamPathPatterns().toArray(String[]::new))
                        .metadata(OWNING_SERVICE, service)
                        .metadata(RESPONSE_TIMEOUT_ATTR, NO_RESPONSE_TIMEOUT)
                        .uri(serviceUri));
            }
            table.route(service.serviceName() + "-api", route -> route
                    .path(service.apiPathPatterns().toArray(String[]::new))
                    .filters(filter -> filter.circuitBreaker(breaker -> breaker.setName(service.serviceName())))
                    .metadata(OWNING_SERVICE, service)
                    .metadata(RESPONSE_TIMEOUT_ATTR, responseTimeout)
                    .uri(serviceUri));
            table.route(service.serviceName() + "-openapi", route -> route
                    .path(service.openApiDocumentPath())
                    .filters(filter -> filter.setPath(PlatformService.SERVICE_OPENAPI_PATH))
                    .metadata(OWNING_SERVICE, service)
                    .metadata(RESPONSE_TIMEOUT_ATTR, responseTimeout)
                    .uri(serviceUri));
        }
        return table.build();
    }

    /** The service a route forwards to, for routes built here. */
    public static Optional<PlatformService> owningService(Route route) {
        return route.getMetadata().get(OWNING_SERVICE) instanceof PlatformService service
                ? Optional.of(service)
                : Optional.empty();
    }
}
