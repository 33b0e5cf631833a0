package org.learningcities.gateway.limits;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closes the connection after a response that was sent before the request's body was read to its end: a 429, 413 or
 * 401 the gateway answers itself, or a service that answered early.
 *
 * <p>Reactor Netty 1.3.6 can stop reading a keep-alive connection when the rest of such a body arrives after the
 * response (reactor/reactor-netty#4347): the client's next request on that connection then never gets an answer.
 * {@code Connection: close} makes the client open a new connection instead, which is also what a server should do
 * with an unread body rather than read on through bytes it has no use for.
 */
@Component
class UnreadBodyConnectionClose implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!declaresBody(request.getHeaders())) {
            return chain.filter(exchange);
        }
        AtomicBoolean bodyRead = new AtomicBoolean();
        exchange.getResponse().beforeCommit(() -> {
            if (!bodyRead.get()) {
                exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            }
            return Mono.empty();
        });
        ServerHttpRequest tracked = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnComplete(() -> bodyRead.set(true));
            }
        };
        return chain.filter(exchange.mutate().request(tracked).build());
    }

    private static boolean declaresBody(HttpHeaders headers) {
        return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    /** First, so the security chain's own early answers (401) are covered too. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
