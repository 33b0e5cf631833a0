package org.learningcities.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.learningcities.gateway.GatewayUnderTest;
import org.learningcities.gateway.GatewayWithStandIns;
import org.learningcities.gateway.routing.EchoingService;
import org.learningcities.gateway.routing.PlatformService;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A slow registration-service gets its circuit opened, and the agenda-service keeps answering meanwhile. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.resilience.response-timeouts.registration-service=2s",
        "gateway.resilience.circuit-breaker.minimum-number-of-calls=3",
        "gateway.resilience.circuit-breaker.sliding-window-size=3",
        "gateway.resilience.circuit-breaker.wait-duration-in-open-state=60s"})
class CircuitBreakerTest extends GatewayWithStandIns {

    private final EchoingService registrationService = standIn(PlatformService.REGISTRATION);

    @BeforeAll
    static void slowDownTheRegistrationService() {
        standIn(PlatformService.REGISTRATION).answeringAfter(Duration.ofSeconds(3));
    }

    @Test
    void opensTheCircuitOfASlowServiceWhileAnotherServiceKeepsAnswering() throws Exception {
        // While registration-service hangs (up to its 2 s timeout), agenda-service answers at once.
        int received = registrationService.requestsReceived();
        CompletableFuture<HttpResponse<String>> slowCall = CompletableFuture.supplyAsync(() -> readRegistration());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (registrationService.requestsReceived() == received && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long start = System.nanoTime();
        HttpResponse<String> programme = GatewayUnderTest.get(port, "/api/conferences/iclc-2013/sessions");
        assertThat(programme.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));

        HttpResponse<String> timedOut = slowCall.join();
        assertThat(timedOut.statusCode()).isEqualTo(504);
        assertThat(problem(timedOut).get("service").asString()).isEqualTo("registration-service");
        assertThat(readRegistration().statusCode()).isEqualTo(504);
        assertThat(readRegistration().statusCode()).isEqualTo(504);
        int callsBeforeOpening = registrationService.requestsReceived();

        HttpResponse<String> refused = readRegistration();

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        JsonNode problem = problem(refused);
        assertThat(problem.get("title").asString()).isEqualTo("Service Unavailable");
        assertThat(problem.get("service").asString()).isEqualTo("registration-service");
        assertThat(problem.get("detail").asString()).contains("registration-service");
        assertThat(registrationService.requestsReceived()).as("the open circuit did not even try")
                .isEqualTo(callsBeforeOpening);
        assertThat(GatewayUnderTest.get(port, "/api/conferences/iclc-2013").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> readRegistration() {
        try {
            return GatewayUnderTest.get(port, "/api/registrations/reg-42");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode problem(HttpResponse<String> response) {
        return JsonMapper.builder().build().readTree(response.body());
    }
}
