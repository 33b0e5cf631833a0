package org.learningcities.gateway.resilience;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.ErrorResponseException;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * One Resilience4j breaker per service (named after it), fed by the failures and latencies of that service's API
 * routes only, so a failing registration-service never opens the agenda-service's breaker. The breakers have no
 * time limiter of their own (spring.cloud.circuitbreaker.resilience4j.disable-time-limiter): the per-route response
 * timeout already ends a silent call, and a limiter on the whole exchange would cut long CSV downloads.
 * <p>
 * Spring Cloud CircuitBreaker also wraps every breaker in a Resilience4j bulkhead when resilience4j-bulkhead is on
 * the class path, which it is; left at Resilience4j's defaults (25 calls in flight, no waiting) it refused a
 * registration burst at a few dozen requests per second, so its ceiling is configured here
 * ({@link ResilienceProperties.Bulkhead}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResilienceProperties.class)
class CircuitBreakerConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> platformServiceBreakers(ResilienceProperties properties) {
        ResilienceProperties.CircuitBreaker breaker = properties.circuitBreaker();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRateThreshold())
                .slowCallRateThreshold(breaker.slowCallRateThreshold())
                .slowCallDurationThreshold(breaker.slowCallDurationThreshold())
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .waitDurationInOpenState(breaker.waitDurationInOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                // A refusal of the caller's request (an oversized chunked body) says nothing about the service.
                .recordException(error -> !(error instanceof ErrorResponseException refusal
                        && refusal.getStatusCode().is4xxClientError()))
                // Nor does the bulkhead refusing a call beyond its ceiling; the service never saw that call, so it
                // counts neither as a failure nor as a success.
                .ignoreExceptions(BulkheadFullException.class)
                .build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(config)
                .build());
    }

    @Bean
    Customizer<ReactiveResilience4jBulkheadProvider> platformServiceBulkheads(ResilienceProperties properties) {
        ResilienceProperties.Bulkhead bulkhead = properties.bulkhead();
        BulkheadConfig config = BulkheadConfig.custom()
                .maxConcurrentCalls(bulkhead.maxConcurrentCalls())
                .maxWaitDuration(bulkhead.maxWait())
                .build();
        return provider -> provider.configureDefault(id -> new Resilience4jBulkheadConfigurationBuilder()
                .bulkheadConfig(config)
                .build());
    }
}
