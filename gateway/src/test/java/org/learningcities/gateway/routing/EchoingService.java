package org.learningcities.gateway.routing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for one platform service: a real HTTP server on a random local port that answers
 * every request with its own name and echoes what it received, so a test can see exactly what
 * the gateway forwarded.
 */
final class EchoingService implements AutoCloseable {

    static final String SERVED_BY = "X-Served-By";
    static final String RECEIVED_METHOD = "X-Received-Method";
    static final String RECEIVED_URI = "X-Received-Uri";
    static final String RECEIVED_IDEMPOTENCY_KEY = "X-Received-Idempotency-Key";

    private final HttpServer server;

    private EchoingService(HttpServer server) {
        this.server = server;
    }

    static EchoingService start(String serviceName) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> echo(serviceName, exchange));
            // A thread per exchange: one connection the gateway keeps open must not hold up every other request.
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return new EchoingService(server);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a stand-in for " + serviceName, e);
        }
    }

    private static void echo(String serviceName, HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Headers headers = exchange.getResponseHeaders();
        headers.set(SERVED_BY, serviceName);
        headers.set(RECEIVED_METHOD, exchange.getRequestMethod());
        headers.set(RECEIVED_URI, exchange.getRequestURI().toString());
        String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (idempotencyKey != null) {
            headers.set(RECEIVED_IDEMPOTENCY_KEY, idempotencyKey);
        }
        headers.set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        try (OutputStream response = exchange.getResponseBody()) {
            response.write(body);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
