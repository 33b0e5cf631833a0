package org.learningcities.gateway.problem;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import org.learningcities.gateway.routing.PlatformService;
import org.learningcities.gateway.routing.RoutingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * Answers every error the gateway itself produces as {@code application/problem+json} (RFC 9457),
 * the error format the public API promises: an unknown path, a service that cannot be reached,
 * or a failure of the gateway. Errors a service answers with pass through untouched.
 */
@Component
// Runs before Spring Boot's default handler (order -1), which would answer with its own JSON shape.
@Order(-2)
class ProblemDetailExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailExceptionHandler.class);

    private final ServerResponse.Context responseContext;

    ProblemDetailExceptionHandler(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.responseContext = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpHeaders headers = new HttpHeaders();
        ProblemDetail problem = unreachableService(exchange, error)
                .map(service -> serviceUnavailable(service, error))
                .orElseGet(() -> describe(exchange, error, headers));
        problem.setInstance(URI.create(exchange.getRequest().getURI().getRawPath()));
        return ServerResponse.status(problem.getStatus())
                .headers(responseHeaders -> responseHeaders.addAll(headers))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, responseContext));
    }

    private static Optional<PlatformService> unreachableService(ServerWebExchange exchange, Throwable error) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || !isConnectionFailure(error)) {
            return Optional.empty();
        }
        return RoutingConfiguration.owningService(route);
    }

    // Refused or timed-out connections mean the service is down; an unknown host means its
    // container is not running (compose only resolves names of running containers).
    private static boolean isConnectionFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static ProblemDetail serviceUnavailable(PlatformService service, Throwable error) {
        log.warn("{} is unreachable: {}", service.serviceName(), error.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                service.serviceName() + " is not reachable at the moment; please retry shortly.");
        problem.setProperty("service", service.serviceName());
        return problem;
    }

    private static ProblemDetail describe(ServerWebExchange exchange, Throwable error, HttpHeaders headers) {
        if (error instanceof ErrorResponse response) {
            headers.addAll(response.getHeaders());
            if (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                // The default detail speaks of static resources, which would mislead an API client.
                return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No API endpoint matches "
                        + exchange.getRequest().getMethod() + " " + exchange.getRequest().getURI().getRawPath() + ".");
            }
            return response.getBody();
        }
        log.error("Gateway failed on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getURI(), error);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The gateway could not handle this request.");
    }
}
