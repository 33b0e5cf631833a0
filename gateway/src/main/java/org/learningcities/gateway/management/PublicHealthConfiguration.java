package org.learningcities.gateway.management;

import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The actuator lives on the management port; on the public port only the health status answers, at the paths
 * launchers and load balancers already poll ({@code /actuator/health}, {@code /actuator/health/liveness},
 * {@code /actuator/health/readiness}; {@code /livez} and {@code /readyz} come from Spring Boot). Only the status:
 * the components and their details stay on the management port.
 */
@Configuration(proxyBeanMethods = false)
class PublicHealthConfiguration {

    @Bean
    RouterFunction<ServerResponse> publicHealth(HealthEndpoint health) {
        return RouterFunctions.route()
                .GET("/actuator/health", request -> answer(health::health))
                .GET("/actuator/health/liveness", request -> answer(() -> health.healthForPath("liveness")))
                .GET("/actuator/health/readiness", request -> answer(() -> health.healthForPath("readiness")))
                .build();
    }

    private static Mono<ServerResponse> answer(Callable<HealthDescriptor> check) {
        // Health indicators may block (disk space); keep them off the event loop.
        return Mono.fromCallable(check)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(descriptor -> {
                    Status status = descriptor.getStatus();
                    boolean down = Status.DOWN.equals(status) || Status.OUT_OF_SERVICE.equals(status);
                    return ServerResponse.status(down ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK)
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("status", status.getCode()));
                });
    }
}
