package org.learningcities.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.learningcities.gateway.GatewayUnderTest;
import org.learningcities.gateway.GatewayWithStandIns;
import org.learningcities.gateway.routing.EchoingService;
import org.learningcities.gateway.routing.PlatformService;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Oversized bodies are refused at the gateway with 413 naming the limit; imports may be larger. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.request-size.max-body=10KB",
        "gateway.request-size.route-limits[0].paths=/api/interpreters/import",
        "gateway.request-size.route-limits[0].max-body=100KB"})
class RequestSizeLimitTest extends GatewayWithStandIns {

    private final EchoingService registrationService = standIn(PlatformService.REGISTRATION);

    @Test
    void refusesABodyAboveTheLimitWithContentTooLargeNamingTheLimit() throws Exception {
        int before = registrationService.requestsReceived();

        HttpResponse<String> response = GatewayUnderTest.send(port, "POST", "/api/conferences/iclc-2013/registrations",
                json(11 * 1024), "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.get("detail").asString()).contains("10 KB");
        assertThat(problem.get("maxBodyBytes").asLong()).isEqualTo(10 * 1024);
        assertThat(registrationService.requestsReceived()).isEqualTo(before);
    }

    @Test
    void answersContentTooLargeBeforeAFarLargerBodyIsEvenSent() throws Exception {
        HttpResponse<String> response = GatewayUnderTest.send(port, "POST", "/api/conferences/iclc-2013/registrations",
                json(2 * 1024 * 1024), "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void relaysABodyWithinTheLimit() throws Exception {
        String body = json(9 * 1024);

        HttpResponse<String> response = GatewayUnderTest.send(port, "POST", "/api/conferences/iclc-2013/registrations",
                body, "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void acceptsALargerBodyOnAnImportRouteUpToItsOwnLimit() throws Exception {
        String roster = "name,languages\n" + "x".repeat(50 * 1024);

        HttpResponse<String> accepted = GatewayUnderTest.send(port, "POST", "/api/interpreters/import", roster,
                "Content-Type", "text/csv");
        HttpResponse<String> refused = GatewayUnderTest.send(port, "POST", "/api/interpreters/import",
                roster.repeat(3), "Content-Type", "text/csv");

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("100 KB");
    }

    @Test
    void refusesAChunkedBodyOnceItPassesTheLimit() throws Exception {
        byte[] body = json(40 * 1024).getBytes(StandardCharsets.UTF_8);
        // A body of unknown length is sent chunked, without Content-Length.
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/conferences/iclc-2013/registrations"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = GatewayUnderTest.http().send(request, BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("10 KB");
    }

    private static String json(int length) {
        String prefix = "{\"note\":\"";
        return prefix + "a".repeat(length - prefix.length() - 2) + "\"}";
    }
}
