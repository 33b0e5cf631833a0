package org.learningcities.gateway.routing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for one platform service: a real HTTP server on a random local port that answers
 * every request with its own name and echoes what it received, so a test can see exactly what
 * the gateway forwarded. It can be made slow, can serve server-sent-event streams with a pause, and can serve an
 * OpenAPI document.
 */
public final class EchoingService implements AutoCloseable {

    public static final String SERVED_BY = "X-Served-By";
    public static final String RECEIVED_METHOD = "X-Received-Method";
    public static final String RECEIVED_URI = "X-Received-Uri";
    public static final String RECEIVED_IDEMPOTENCY_KEY = "X-Received-Idempotency-Key";
    public static final String RECEIVED_AUTHORIZATION = "X-Received-Authorization";
    public static final String RECEIVED_TRACEPARENT = "X-Received-Traceparent";
    /** A request header whose value the stand-in answers as its own {@code Cache-Control}. */
    public static final String ANSWER_CACHE_CONTROL = "X-Answer-Cache-Control";

    private final HttpServer server;
    private final AtomicInteger requests;
    private final Behaviour behaviour;

    /** Mutable, so a test can turn a healthy stand-in slow mid-way. */
    private static final class Behaviour {
        volatile Duration answerDelay = Duration.ZERO;
        volatile Duration streamPause;
        volatile String apiDocument;
    }

    private EchoingService(HttpServer server, AtomicInteger requests, Behaviour behaviour) {
        this.server = server;
        this.requests = requests;
        this.behaviour = behaviour;
    }

    public static EchoingService start(String serviceName) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            AtomicInteger requests = new AtomicInteger();
            Behaviour behaviour = new Behaviour();
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                answer(serviceName, behaviour, exchange);
            });
            // A thread per exchange: one connection the gateway keeps open must not hold up every other request.
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return new EchoingService(server, requests, behaviour);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a stand-in for " + serviceName, e);
        }
    }

    /** Every later answer starts only after this delay, as from an overloaded service. */
    public EchoingService answeringAfter(Duration delay) {
        behaviour.answerDelay = delay;
        return this;
    }

    /**
     * Requests accepting {@code text/event-stream} get two events, the second after this pause, then the stream
     * ends, as a quiet live feed would.
     */
    public EchoingService streamingWithPause(Duration pause) {
        behaviour.streamPause = pause;
        return this;
    }

    /** Later requests for {@code /v3/api-docs} are answered with this JSON, as the service's OpenAPI document. */
    public EchoingService servingApiDocument(String document) {
        behaviour.apiDocument = document;
        return this;
    }

    /** How many requests reached this stand-in. */
    public int requestsReceived() {
        return requests.get();
    }

    private static void answer(String serviceName, Behaviour behaviour, HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        pause(behaviour.answerDelay);
        Headers headers = exchange.getResponseHeaders();
        headers.set(SERVED_BY, serviceName);
        headers.set(RECEIVED_METHOD, exchange.getRequestMethod());
        headers.set(RECEIVED_URI, exchange.getRequestURI().toString());
        copy(exchange, "Idempotency-Key", RECEIVED_IDEMPOTENCY_KEY);
        copy(exchange, "Authorization", RECEIVED_AUTHORIZATION);
        copy(exchange, "traceparent", RECEIVED_TRACEPARENT);
        String cacheControl = exchange.getRequestHeaders().getFirst(ANSWER_CACHE_CONTROL);
        if (cacheControl != null) {
            headers.set("Cache-Control", cacheControl);
        }
        // What a careless service might reveal about itself.
        headers.set("Server", "stand-in/1.0");
        headers.set("X-Powered-By", "stand-in");
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (behaviour.streamPause != null && accept != null && accept.contains("text/event-stream")) {
            stream(exchange, behaviour.streamPause);
            return;
        }
        String apiDocument = behaviour.apiDocument;
        if (apiDocument != null && exchange.getRequestURI().getPath().equals(PlatformService.SERVICE_OPENAPI_PATH)) {
            headers.set("Content-Type", "application/json");
            body = apiDocument.getBytes(StandardCharsets.UTF_8);
        } else {
            headers.set("Content-Type", "application/octet-stream");
        }
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        try (OutputStream response = exchange.getResponseBody()) {
            response.write(body);
        }
    }

    private static void stream(HttpExchange exchange, Duration pause) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream events = exchange.getResponseBody()) {
            events.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
            events.flush();
            pause(pause);
            events.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
            events.flush();
        }
    }

    private static void copy(HttpExchange exchange, String requestHeader, String echoHeader) {
        String value = exchange.getRequestHeaders().getFirst(requestHeader);
        if (value != null) {
            exchange.getResponseHeaders().set(echoHeader, value);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
