package org.learningcities.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a delegate sees when the service behind a path is down. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceUnavailableTest {

    private static final HttpServer INTERPRETATION_SERVICE = startInterpretationService();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    private int port;

    private static HttpServer startInterpretationService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void pointTheGatewayAtTheInterpretationService(DynamicPropertyRegistry registry) {
        registry.add("platform.services.interpretation-uri",
                () -> "http://127.0.0.1:" + INTERPRETATION_SERVICE.getAddress().getPort());
        // A name that never resolves, as for a compose service whose container is not running.
        registry.add("platform.services.notification-uri", () -> "http://notification-service.invalid:8084");
    }

    @Test
    void answersServiceUnavailableProblemNamingTheServiceWhenItStops() throws Exception {
        assertThat(get("/api/interpreters").statusCode()).isEqualTo(204);

        INTERPRETATION_SERVICE.stop(0);
        HttpResponse<String> response = get("/api/interpreters/int-7/assignments");

        assertServiceUnavailableProblem(response, "interpretation-service", "/api/interpreters/int-7/assignments");
    }

    @Test
    void answersServiceUnavailableProblemWhenTheServiceHostIsUnknown() throws Exception {
        HttpResponse<String> response = get("/api/notifications?recipientId=reg-42");

        assertServiceUnavailableProblem(response, "notification-service", "/api/notifications");
    }

    private static void assertServiceUnavailableProblem(HttpResponse<String> response, String service, String path) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("title").asString()).isEqualTo("Service Unavailable");
        assertThat(problem.get("service").asString()).isEqualTo(service);
        assertThat(problem.get("detail").asString()).contains(service);
        assertThat(problem.get("instance").asString()).isEqualTo(path);
        assertThat(response.body()).doesNotContain("Exception", "trace");
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).build();
        return HTTP.send(request, BodyHandlers.ofString());
    }
}
