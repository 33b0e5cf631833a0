package org.learningcities.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outside systems over real HTTP on 127.0.0.1: one that never finishes its answer, one whose answer never ends. */
class BoundedExchangeTest {

    /** Far beyond the request timeout: a test that waits for it has failed. */
    private static final Duration HUNG = Duration.ofSeconds(15);

    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServer server;

    @BeforeEach
    void startEndpoints() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        // Headers at once, then a byte every 100 ms for a minute.
        server.createContext("/trickling", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                for (int i = 0; i < 600; i++) {
                    body.write('.');
                    body.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException dropped) {
                // The client hung up, which is the point.
            }
        });
        // 64 MB of answer, as fast as the connection takes it.
        server.createContext("/flooding", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(502, 0);
            byte[] chunk = "x".repeat(64 * 1024).getBytes();
            try (OutputStream body = exchange.getResponseBody()) {
                for (int i = 0; i < 1024; i++) {
                    body.write(chunk);
                }
            } catch (IOException dropped) {
                // The client hung up, which is the point.
            }
        });
        server.start();
    }

    @AfterEach
    void stopEndpoints() {
        server.stop(0);
        handlers.shutdownNow();
        client.close();
    }

    @Test
    void givesUpOnAnAnswerThatIsNotCompleteWithinTheRequestTimeout() {
        assertTimeoutPreemptively(HUNG, () -> assertThatThrownBy(() ->
                BoundedExchange.send(client, post("/trickling"), 1024))
                .isInstanceOf(HttpTimeoutException.class)
                .hasMessageContaining("1000 ms"));
    }

    @Test
    void keepsOnlyTheFirstBytesOfAnAnswerAndDropsTheRest() {
        BoundedExchange.Answer answer = assertTimeoutPreemptively(HUNG, () ->
                BoundedExchange.send(client, post("/flooding"), 200));

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.body()).hasSize(200).matches("x+");
    }

    @Test
    void answersWithTheStatusAloneWhenNoBodyIsWanted() {
        BoundedExchange.Answer answer = assertTimeoutPreemptively(HUNG, () ->
                BoundedExchange.send(client, post("/trickling"), 0));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
    }

    private HttpRequest post(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .timeout(Duration.ofSeconds(1))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
    }
}
