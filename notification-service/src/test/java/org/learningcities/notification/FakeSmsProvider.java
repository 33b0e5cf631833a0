package org.learningcities.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/** A real HTTP server on a free local port playing an SMS provider: records what it receives, answers as told. */
public final class FakeSmsProvider implements AutoCloseable {

    private final HttpServer server;
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{\"id\":\"msg-1\"}";
    private volatile Duration delay = Duration.ZERO;

    private FakeSmsProvider(HttpServer server) {
        this.server = server;
    }

    public static FakeSmsProvider start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeSmsProvider provider = new FakeSmsProvider(server);
            server.createContext("/messages", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                provider.received.add(new ReceivedRequest(exchange.getRequestMethod(), exchange.getRequestHeaders(),
                        new String(body, StandardCharsets.UTF_8)));
                try {
                    Thread.sleep(provider.delay);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
                byte[] answer = provider.answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(provider.status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return provider;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/messages");
    }

    public void answers(int status, String answer) {
        this.status = status;
        this.answer = answer;
    }

    public void answersAfter(Duration delay) {
        this.delay = delay;
    }

    public List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public record ReceivedRequest(String method, Headers headers, String body) {

        public String header(String name) {
            return headers.getFirst(name);
        }
    }
}
