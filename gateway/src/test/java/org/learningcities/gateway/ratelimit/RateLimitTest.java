package org.learningcities.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.learningcities.gateway.GatewayUnderTest;
import org.learningcities.gateway.GatewayWithStandIns;
import org.learningcities.gateway.routing.EchoingService;
import org.learningcities.gateway.routing.PlatformService;
import org.learningcities.security.Role;
import org.learningcities.testsupport.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Budgets per IP address and per client, per route class. The tests' requests all come from 127.0.0.1, which is
 * configured as a trusted proxy, so each test plays callers at addresses of its own through X-Forwarded-For.
 * Budgets refill at one request per 100 s, so nothing refills while a test runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.rate-limit.trusted-proxies=127.0.0.1",
        "gateway.rate-limit.registration-writes.per-ip.burst-capacity=3",
        "gateway.rate-limit.registration-writes.per-ip.replenish-rate=0.01",
        "gateway.rate-limit.registration-writes.per-client.burst-capacity=2",
        "gateway.rate-limit.registration-writes.per-client.replenish-rate=0.01",
        "gateway.rate-limit.reads.per-ip.burst-capacity=20",
        "gateway.rate-limit.reads.per-ip.replenish-rate=0.01",
        "gateway.rate-limit.reads.per-client.burst-capacity=5",
        "gateway.rate-limit.reads.per-client.replenish-rate=0.01"})
class RateLimitTest extends GatewayWithStandIns {

    private static final String REGISTRATIONS = "/api/conferences/iclc-2013/registrations";
    private static final String PROGRAMME = "/api/conferences/iclc-2013/sessions?date=2013-10-21";

    @Test
    void answersTooManyRequestsWithRetryAfterOnceAnAddressSpentItsRegistrationBudget() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(register("198.51.100.1").statusCode()).isEqualTo(200);
        }
        int before = standIn(PlatformService.REGISTRATION).requestsReceived();

        HttpResponse<String> refused = register("198.51.100.1");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(90L, 100L));
        JsonNode problem = JsonMapper.builder().build().readTree(refused.body());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("routeClass").asString()).isEqualTo("registration-writes");
        assertThat(problem.get("limitedBy").asString()).isEqualTo("IP address");
        assertThat(standIn(PlatformService.REGISTRATION).requestsReceived()).isEqualTo(before);
        assertThat(register("198.51.100.2").statusCode())
                .as("another address has its own budget").isEqualTo(200);
    }

    @Test
    void keepsAnsweringProgrammeReadsDuringARegistrationBurstFromTheSameAddress() throws Exception {
        int refusals = 0;
        for (int i = 0; i < 10; i++) {
            if (register("198.51.100.10").statusCode() == 429) {
                refusals++;
            }
        }

        HttpResponse<String> programme = GatewayUnderTest.get(port, PROGRAMME, "X-Forwarded-For", "198.51.100.10");

        assertThat(refusals).isEqualTo(7);
        assertThat(programme.statusCode()).isEqualTo(200);
        assertThat(programme.headers().firstValue(EchoingService.SERVED_BY)).hasValue("agenda-service");
    }

    @Test
    void answersTooManyRequestsOnceAClientSpentItsBudgetFromWhateverAddress() throws Exception {
        String partner = TestTokens.bearer("partner-demo", Role.PARTNER);
        for (int i = 0; i < 5; i++) {
            assertThat(read(partner, "203.0.113." + i).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> refused = read(partner, "203.0.113.99");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(JsonMapper.builder().build().readTree(refused.body()).get("limitedBy").asString())
                .isEqualTo("client");
        assertThat(read(TestTokens.bearer("another-partner", Role.PARTNER), "203.0.113.99").statusCode())
                .as("another client at the same address has its own budget").isEqualTo(200);
    }

    @Test
    void believesOnlyTheForwardedHopAppendedByTheTrustedProxy() throws Exception {
        for (int i = 0; i < 3; i++) {
            register("192.0.2.7");
        }

        // A caller cannot escape its budget by claiming to forward for someone else.
        HttpResponse<String> forged = GatewayUnderTest.send(port, "POST", REGISTRATIONS, "{}",
                "Content-Type", "application/json", "X-Forwarded-For", "192.0.2.200, 192.0.2.7");

        assertThat(forged.statusCode()).isEqualTo(429);
    }

    private HttpResponse<String> register(String clientAddress) throws Exception {
        return GatewayUnderTest.send(port, "POST", REGISTRATIONS, "{\"givenName\":\"Wei\"}",
                "Content-Type", "application/json", "X-Forwarded-For", clientAddress);
    }

    private HttpResponse<String> read(String authorization, String clientAddress) throws Exception {
        return GatewayUnderTest.get(port, "/api/webhook-subscriptions",
                "Authorization", authorization, "X-Forwarded-For", clientAddress);
    }
}
