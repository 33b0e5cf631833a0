package org.learningcities.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the mail server is for e-mail, for SMS: a real HTTP server speaking the SMS provider API of
 * docs/notifications.md, so notification-service sends its urgent texts as it would in production. Each text
 * is logged on one line and appended as a JSON line to {@link #messagesFile()}, where a developer reads it.
 */
final class SmsSink {

    /** The bearer token notification-service is given; anything else is refused, as a real provider would. */
    static final String TOKEN = "local-platform-sms-token";
    static final String PATH = "/messages";

    private static final Logger log = LoggerFactory.getLogger(SmsSink.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final int port;
    private final Path messagesFile;
    private final ObjectMapper json = new ObjectMapper();
    /** Idempotency-Key to the id answered: a retried send is answered alike and not recorded twice. */
    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    private HttpServer server;

    SmsSink(int port, Path messagesFile) {
        this.port = port;
        this.messagesFile = messagesFile;
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(messagesFile.getParent());
            server = HttpServer.create(new InetSocketAddress(LOOPBACK, port), 0);
        } catch (IOException e) {
            throw new PlatformStartupException("The SMS sink could not listen on port " + port + ": " + e.getMessage(), e);
        }
        // The server's single dispatcher thread handles one request at a time, so lines never interleave.
        server.createContext(PATH, this::handle);
        server.start();
        log.info("SMS sink ready: {}, texts in {}", url(), messagesFile);
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    synchronized boolean isRunning() {
        return server != null;
    }

    int port() {
        return port;
    }

    /** The provider URL notification-service posts to. */
    URI url() {
        return url(port);
    }

    static URI url(int port) {
        return URI.create("http://" + LOOPBACK + ":" + port + PATH);
    }

    /** One JSON object per line: id, receivedAt, to, from, text, reference. */
    Path messagesFile() {
        return messagesFile;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                answer(exchange, 405, Map.of("error", "POST a message"));
                return;
            }
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, Map.of("error", "missing or wrong bearer token"));
                return;
            }
            JsonNode message;
            try {
                message = json.readTree(body);
            } catch (JacksonException e) {
                answer(exchange, 400, Map.of("error", "not JSON: " + e.getOriginalMessage()));
                return;
            }
            if (message == null || !message.path("to").isTextual() || !message.path("text").isTextual()) {
                answer(exchange, 400, Map.of("error", "\"to\" and \"text\" are required"));
                return;
            }
            String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String id = idempotencyKey == null
                    ? record(message)
                    : accepted.computeIfAbsent(idempotencyKey, key -> record(message));
            answer(exchange, 200, Map.of("id", id));
        }
    }

    private String record(JsonNode message) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", id);
        line.put("receivedAt", Instant.now().toString());
        line.put("to", message.path("to").asText());
        line.put("from", message.path("from").asText(null));
        line.put("text", message.path("text").asText());
        line.put("reference", message.path("reference").asText(null));
        try {
            Files.writeString(messagesFile, json.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record the SMS in " + messagesFile, e);
        }
        log.info("SMS to {}: {}", line.get("to"), message.path("text").asText().replaceAll("\\R", " "));
        return id;
    }

    private void answer(HttpExchange exchange, int status, Map<String, String> body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
