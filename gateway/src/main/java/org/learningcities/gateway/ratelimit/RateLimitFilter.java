package org.learningcities.gateway.ratelimit;

import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;

/**
 * Every routed request takes a token from its client's bucket (when it carries a valid token) and from its IP
 * address's bucket, both of its {@link RouteClass}; if either is empty it is answered 429 with {@code Retry-After}
 * and never reaches the service. A server-sent-event stream takes its tokens once, when it opens.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitFilter implements GlobalFilter, Ordered {

    /** Before the route's own filters (the circuit breaker), so refused requests never count as service calls. */
    static final int ORDER = -300;

    private final RateLimitProperties properties;
    private final ClientAddresses clientAddresses;
    private final Cache<String, TokenBucket> buckets;

    RateLimitFilter(RateLimitProperties properties) {
        this.properties = properties;
        this.clientAddresses = new ClientAddresses(properties.trustedProxies());
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(properties.idleExpiry())
                .maximumSize(properties.maximumBuckets())
                .build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!properties.enabled()) {
            return chain.filter(exchange);
        }
        RouteClass routeClass = RouteClass.of(exchange.getRequest());
        return exchange.getPrincipal()
                .map(principal -> principal instanceof JwtAuthenticationToken token
                        ? Optional.of(token.getName())
                        : Optional.<String>empty())
                .defaultIfEmpty(Optional.empty())
                .flatMap(client -> {
                    String ip = clientAddresses.of(exchange.getRequest());
                    return take(routeClass, client, ip)
                            .<Mono<Void>>map(Mono::error)
                            .orElseGet(() -> chain.filter(exchange));
                });
    }

    /** The refusal, if a budget is spent. */
    private Optional<ErrorResponseException> take(RouteClass routeClass, Optional<String> client, String ip) {
        RateLimitProperties.ClassBudget budget = properties.budgetOf(routeClass);
        long now = System.nanoTime();
        TokenBucket ipBucket = bucket(routeClass, "ip", ip, budget.perIp(), now);
        Duration ipWait = ipBucket.tryTake(now);
        if (!ipWait.isZero()) {
            return Optional.of(tooManyRequests(routeClass, "IP address", ipWait));
        }
        if (client.isPresent()) {
            Duration clientWait = bucket(routeClass, "client", client.get(), budget.perClient(), now).tryTake(now);
            if (!clientWait.isZero()) {
                ipBucket.giveBack();
                return Optional.of(tooManyRequests(routeClass, "client", clientWait));
            }
        }
        return Optional.empty();
    }

    private TokenBucket bucket(RouteClass routeClass, String kind, String key, RateLimitProperties.Budget budget,
                               long now) {
        return buckets.get(routeClass.propertyName() + '|' + kind + '|' + key, ignored -> new TokenBucket(budget, now));
    }

    private static ErrorResponseException tooManyRequests(RouteClass routeClass, String limitedBy, Duration wait) {
        long retryAfter = Math.max(1, (wait.toMillis() + 999) / 1000);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many " + routeClass.propertyName() + " requests from this " + limitedBy
                        + "; please retry after " + retryAfter + " s.");
        problem.setProperty("routeClass", routeClass.propertyName());
        problem.setProperty("limitedBy", limitedBy);
        ErrorResponseException refusal = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
        refusal.getHeaders().set("Retry-After", Long.toString(retryAfter));
        return refusal;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
