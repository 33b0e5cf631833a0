package org.learningcities.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Every answer names its trace in {@code X-Trace-Id}: the id a delegate's screen can show next to an error, and that
 * operations staff search for in the logs of every service and in the tracing backend (docs/operations-runbook.md,
 * "Following one registration"). It is the trace the request continued or started at the gateway, so the same id is
 * on the Kafka events, the consumers' work and the e-mail it caused.
 */
@Component
class TraceIdResponseHeader implements WebFilter, Ordered {

    static final String HEADER = "X-Trace-Id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                    .map(observation -> observation.<TracingContext>get(TracingContext.class))
                    .map(TracingContext::getSpan)
                    .map(Span::context)
                    .ifPresent(trace -> exchange.getResponse().getHeaders().set(HEADER, trace.traceId()));
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** First, so the answers the security chain and the limits give themselves (401, 413, 429) carry it too. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
