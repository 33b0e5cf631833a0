package org.learningcities.gateway.resilience;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.ErrorResponseException;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * One Resilience4j breaker per service (named after it), fed by the failures and latencies of that service's API
 * routes only, so a failing registration-service never opens the agenda-service's breaker. The breakers have no
 * time limiter of their own (spring.cloud.circuitbreaker.resilience4j.disable-time-limiter): the per-route response
 * timeout already ends a silent call, and a limiter on the whole exchange would cut long CSV downloads.
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
                .build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(config)
                .build());
    }
}
