package org.learningcities.gateway.limits;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies above the route's limit with 413 naming the limit. A declared {@code Content-Length} above it is
 * refused before anything is sent to the service; a chunked body is counted while it is relayed and the relay is
 * aborted as soon as it passes the limit, so the service never receives a complete oversized request.
 */
@Component
@EnableConfigurationProperties(RequestSizeProperties.class)
class RequestSizeFilter implements GlobalFilter, Ordered {

    private record Limit(List<PathPattern> paths, DataSize maxBody) {
    }

    private final DataSize defaultLimit;
    private final List<Limit> routeLimits;

    RequestSizeFilter(RequestSizeProperties properties) {
        this.defaultLimit = properties.maxBody();
        this.routeLimits = properties.routeLimits().stream()
                .map(limit -> new Limit(limit.paths().stream().map(PathPatternParser.defaultInstance::parse).toList(),
                        limit.maxBody()))
                .toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        DataSize limit = limitOf(request);
        long declared = request.getHeaders().getContentLength();
        if (declared > limit.toBytes()) {
            return Mono.error(tooLarge(limit));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong received = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (received.addAndGet(buffer.readableByteCount()) > limit.toBytes()) {
                        DataBufferUtils.release(buffer);
                        sink.error(tooLarge(limit));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private DataSize limitOf(ServerHttpRequest request) {
        PathContainer path = PathContainer.parsePath(request.getPath().value());
        return routeLimits.stream()
                .filter(limit -> limit.paths().stream().anyMatch(pattern -> pattern.matches(path)))
                .map(Limit::maxBody)
                .findFirst()
                .orElse(defaultLimit);
    }

    private static ErrorResponseException tooLarge(DataSize limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the " + describe(limit) + " this endpoint accepts.");
        problem.setProperty("maxBodyBytes", limit.toBytes());
        return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, problem, null);
    }

    private static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }

    @Override
    public int getOrder() {
        // After the rate limit, before the route's circuit breaker.
        return -200;
    }
}
