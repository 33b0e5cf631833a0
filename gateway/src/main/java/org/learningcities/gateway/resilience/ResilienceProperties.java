package org.learningcities.gateway.resilience;

import java.time.Duration;
import java.util.Map;

import org.learningcities.gateway.routing.PlatformService;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the gateway waits for each service and when it stops calling one that fails.
 *
 * @param responseTimeout  longest wait for a service's response headers (and between two reads of its body) on an
 *                         API route; streaming routes never time out
 * @param responseTimeouts per-service overrides of {@code responseTimeout}, keyed by service name
 * @param circuitBreaker   one breaker per service, shared by all its API routes
 * @param bulkhead         how many calls to one service may be in flight at once
 */
@ConfigurationProperties("gateway.resilience")
public record ResilienceProperties(
        @DefaultValue("30s") Duration responseTimeout,
        @DefaultValue Map<String, Duration> responseTimeouts,
        @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue Bulkhead bulkhead) {

    public Duration responseTimeoutOf(PlatformService service) {
        return responseTimeouts.getOrDefault(service.serviceName(), responseTimeout);
    }

    /**
     * Resilience4j settings applied to every service's breaker.
     *
     * @param failureRateThreshold      percentage of failed calls (connection refused, timeout) that opens the breaker
     * @param slowCallRateThreshold     percentage of slow calls that opens it
     * @param slowCallDurationThreshold a call (until its response is fully relayed) slower than this is slow
     * @param slidingWindowSize         how many recent calls the rates are computed over
     * @param minimumNumberOfCalls      calls needed before the rates count at all
     * @param waitDurationInOpenState   how long an open breaker refuses calls before letting a few through; also the
     *                                  {@code Retry-After} the gateway answers meanwhile
     */
    public record CircuitBreaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("80") float slowCallRateThreshold,
            @DefaultValue("10s") Duration slowCallDurationThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("15s") Duration waitDurationInOpenState) {
    }

    /**
     * A ceiling on the calls in flight to one service (a semaphore per service), so a service that slows down under
     * a burst cannot tie up the gateway's connections and memory for every other route. Calls above it are answered
     * 503 at once with {@code Retry-After: 1}, and do not count against the service's circuit breaker.
     *
     * @param maxConcurrentCalls calls in flight to one service; above what a service can work on at once (Tomcat's
     *                           200 threads), so it only refuses what would otherwise wait in a queue
     * @param maxWait            how long a call above the ceiling may wait for a free slot before it is refused
     */
    public record Bulkhead(
            @DefaultValue("400") int maxConcurrentCalls,
            @DefaultValue("0ms") Duration maxWait) {
    }
}
