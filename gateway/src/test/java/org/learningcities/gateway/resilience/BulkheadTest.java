package org.learningcities.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.learningcities.gateway.GatewayUnderTest;
import org.learningcities.gateway.GatewayWithStandIns;
import org.learningcities.gateway.routing.PlatformService;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls above a service's ceiling of calls in flight are refused at once with 503 and Retry-After, and say
 * nothing about the service's health: its circuit stays closed, and its next call goes through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.resilience.bulkhead.max-concurrent-calls=2",
        "gateway.resilience.circuit-breaker.minimum-number-of-calls=2",
        "gateway.resilience.circuit-breaker.sliding-window-size=2"})
class BulkheadTest extends GatewayWithStandIns {

    @BeforeAll
    static void slowDownTheRegistrationService() {
        standIn(PlatformService.REGISTRATION).answeringAfter(Duration.ofSeconds(2));
    }

    @Test
    void refusesCallsAboveAServicesCeilingWithServiceUnavailableWithoutOpeningItsCircuit() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 5)
                .mapToObj(call -> CompletableFuture.supplyAsync(() -> readRegistration("reg-" + call)))
                .toList();
        List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 503)
                .filteredOn(status -> status == 200).hasSize(2);
        HttpResponse<String> refused = answers.stream().filter(answer -> answer.statusCode() == 503).findFirst()
                .orElseThrow();
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        JsonNode problem = JsonMapper.builder().build().readTree(refused.body());
        assertThat(problem.get("service").asString()).isEqualTo("registration-service");
        assertThat(problem.get("detail").asString()).contains("as many requests as it can take");
        assertThat(standIn(PlatformService.REGISTRATION).requestsReceived()).as("refused calls never left").isEqualTo(2);

        assertThat(readRegistration("reg-after").statusCode()).as("the circuit stayed closed").isEqualTo(200);
    }

    private HttpResponse<String> readRegistration(String id) {
        try {
            return GatewayUnderTest.get(port, "/api/registrations/" + id);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
