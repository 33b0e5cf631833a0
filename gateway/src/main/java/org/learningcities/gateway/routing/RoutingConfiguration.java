package org.learningcities.gateway.routing;

import java.net.URI;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Turns the {@link PlatformService} table into gateway routes: per service, one route for its
 * public API (forwarded unchanged) and one for its OpenAPI document.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceUris.class)
public class RoutingConfiguration {

    /** Route metadata key holding the {@link PlatformService} a route forwards to. */
    private static final String OWNING_SERVICE = "platform-service";

    @Bean
    RouteLocator platformRoutes(RouteLocatorBuilder routes, ServiceUris serviceUris) {
        RouteLocatorBuilder.Builder table = routes.routes();
        for (PlatformService service : PlatformService.values()) {
            URI serviceUri = serviceUris.of(service);
            table.route(service.serviceName() + "-api", route -> route
                    .path(service.apiPathPatterns().toArray(String[]::new))
                    .metadata(OWNING_SERVICE, service)
                    .uri(serviceUri));
            table.route(service.serviceName() + "-openapi", route -> route
                    .path(service.openApiDocumentPath())
                    .filters(filter -> filter.setPath(PlatformService.SERVICE_OPENAPI_PATH))
                    .metadata(OWNING_SERVICE, service)
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
