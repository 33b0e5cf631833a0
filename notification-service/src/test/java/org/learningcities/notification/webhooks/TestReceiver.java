package org.learningcities.notification.webhooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A partner's webhook endpoint on 127.0.0.1: records every request and answers the statuses it is told to. */
final class TestReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> statusesByEvent = new ConcurrentHashMap<>();

    private TestReceiver(HttpServer server) {
        this.server = server;
    }

    static TestReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            TestReceiver receiver = new TestReceiver(server);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/learning-cities?portal=beijing";
    }

    /**
     * Answers these statuses to the successive requests carrying this event, repeating the last one; 204 to
     * everything else, such as events other tests published.
     */
    void answer(String eventId, Integer... statuses) {
        statusesByEvent.put(eventId, new ArrayDeque<>(List.of(statuses)));
    }

    /** The requests that carried this event, as {@code webhook-id} names it. */
    List<Received> requestsFor(String eventId) {
        return requests.stream().filter(request -> eventId.equals(request.header("webhook-id"))).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders().entrySet().stream()
                            .collect(Collectors.toMap(
                                    entry -> entry.getKey().toLowerCase(), entry -> entry.getValue().getFirst()))),
                    new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(status(exchange.getRequestHeaders().getFirst("webhook-id")), -1);
        }
    }

    private int status(String eventId) {
        Deque<Integer> statuses = eventId == null ? null : statusesByEvent.get(eventId);
        if (statuses == null) {
            return 204;
        }
        synchronized (statuses) {
            return statuses.size() > 1 ? statuses.poll() : statuses.getFirst();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    record Received(String method, String uri, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }
}
