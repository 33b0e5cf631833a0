package org.learningcities.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.learningcities.gateway.GatewayUnderTest;
import org.learningcities.gateway.GatewayWithStandIns;
import org.learningcities.gateway.routing.PlatformService;
import org.springframework.boot.test.context.SpringBootTest;

/** Browsers on the configured front-end origins may call the API; others get no CORS allowance. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gateway.cors.allowed-origins=https://app.learningcities.example, https://*.unesco.example")
class CorsTest extends GatewayWithStandIns {

    @Test
    void answersThePreflightOfAnAllowedOriginItself() throws Exception {
        int before = standIn(PlatformService.REGISTRATION).requestsReceived();

        HttpResponse<String> response = preflight("https://app.learningcities.example", "POST",
                "authorization, content-type, idempotency-key");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://app.learningcities.example");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(methods ->
                assertThat(methods).contains("POST"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(headers ->
                assertThat(headers.toLowerCase()).contains("authorization", "content-type", "idempotency-key"));
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("3600");
        assertThat(standIn(PlatformService.REGISTRATION).requestsReceived()).isEqualTo(before);
    }

    @Test
    void allowsAnOriginMatchingAConfiguredPattern() throws Exception {
        HttpResponse<String> response = preflight("https://portal.unesco.example", "GET", "last-event-id");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://portal.unesco.example");
    }

    @Test
    void refusesThePreflightOfAnOriginNotConfigured() throws Exception {
        HttpResponse<String> response = preflight("https://evil.example", "POST", "authorization");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void letsTheFrontEndReadRetryAfterAndLocationOnActualResponses() throws Exception {
        HttpResponse<String> response = GatewayUnderTest.get(port, "/api/conferences",
                "Origin", "https://app.learningcities.example");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://app.learningcities.example");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(exposed ->
                assertThat(exposed).contains("Location", "Retry-After", "RateLimit"));
    }

    private HttpResponse<String> preflight(String origin, String method, String headers) throws Exception {
        return GatewayUnderTest.send(port, "OPTIONS", "/api/conferences/iclc-2013/registrations", "",
                "Origin", origin,
                "Access-Control-Request-Method", method,
                "Access-Control-Request-Headers", headers);
    }
}
