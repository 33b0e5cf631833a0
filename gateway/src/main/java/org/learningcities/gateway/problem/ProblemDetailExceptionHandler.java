package org.learningcities.gateway.problem;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Optional;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import org.learningcities.gateway.resilience.ResilienceProperties;
import org.learningcities.gateway.routing.PlatformService;
import org.learningcities.gateway.routing.RoutingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * Answers every error the gateway itself produces as {@code application/problem+json} (RFC 9457),
 * the error format the public API promises: an unknown path, a service that cannot be reached, whose
 * circuit is open or that has as many calls in flight as its bulkhead allows, a service that did not answer in time, a refused request (size, rate), or a failure of the
 * gateway. Errors a service answers with pass through untouched.
 */
@Component
// Runs before Spring Boot's default handler (order -1), which would answer with its own JSON shape.
@Order(-2)
class ProblemDetailExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailExceptionHandler.class);

    private final ProblemResponses problems;
    private final long retryAfterSeconds;

    ProblemDetailExceptionHandler(ProblemResponses problems, ResilienceProperties resilience) {
        this.problems = problems;
        // A client retrying before an open breaker lets calls through again would only be refused once more.
        this.retryAfterSeconds = Math.max(1, resilience.circuitBreaker().waitDurationInOpenState().toSeconds());
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpHeaders headers = new HttpHeaders();
        ProblemDetail problem = owningService(exchange)
                .flatMap(service -> describeServiceFailure(service, error, headers))
                .orElseGet(() -> describe(exchange, error, headers));
        return problems.write(exchange, problem, headers);
    }

    private static Optional<PlatformService> owningService(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? Optional.empty() : RoutingConfiguration.owningService(route);
    }

    private Optional<ProblemDetail> describeServiceFailure(PlatformService service, Throwable error,
                                                           HttpHeaders headers) {
        String name = service.serviceName();
        ProblemDetail problem;
        if (error instanceof ServiceUnavailableException) {
            // The service's circuit breaker is open: the gateway did not even try.
            log.debug("{} refused: its circuit breaker is open", name);
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    name + " is failing or too slow at the moment, so the gateway stopped calling it for a while;"
                            + " please retry after " + retryAfterSeconds + " s.");
        } else if (error instanceof BulkheadFullException) {
            log.debug("{} refused: {} calls are in flight already", name, error.getMessage());
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    name + " is working on as many requests as it can take at the moment; please retry after 1 s.");
            problem.setProperty("service", name);
            headers.set(HttpHeaders.RETRY_AFTER, "1");
            return Optional.of(problem);
        } else if (isConnectionFailure(error)) {
            log.warn("{} is unreachable: {}", name, error.toString());
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    name + " is not reachable at the moment; please retry shortly.");
        } else if (error instanceof ErrorResponse response
                && response.getStatusCode().isSameCodeAs(HttpStatus.GATEWAY_TIMEOUT)) {
            log.warn("{} did not answer in time", name);
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT,
                    name + " did not answer in time; please retry shortly.");
            problem.setProperty("service", name);
            return Optional.of(problem);
        } else {
            return Optional.empty();
        }
        problem.setProperty("service", name);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return Optional.of(problem);
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

    private static ProblemDetail describe(ServerWebExchange exchange, Throwable error, HttpHeaders headers) {
        // A refusal raised while the body was being relayed (an oversized chunked body) arrives wrapped.
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ErrorResponse response) {
                headers.addAll(response.getHeaders());
                if (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                    // The default detail speaks of static resources, which would mislead an API client.
                    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No API endpoint matches "
                            + exchange.getRequest().getMethod() + " " + exchange.getRequest().getURI().getRawPath()
                            + ".");
                }
                return response.getBody();
            }
        }
        log.error("Gateway failed on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getURI(), error);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The gateway could not handle this request.");
    }
}
