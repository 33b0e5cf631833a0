package org.learningcities.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcities.gateway.GatewayUnderTest.get;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.learningcities.gateway.GatewayWithStandIns;
import org.learningcities.gateway.routing.EchoingService;
import org.learningcities.gateway.routing.PlatformService;
import org.learningcities.security.Role;
import org.learningcities.testsupport.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway turns away invalid tokens itself, lets anonymous callers through, and relays valid tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenValidationTest extends GatewayWithStandIns {

    private final EchoingService registrationService = standIn(PlatformService.REGISTRATION);

    static Stream<Arguments> invalidTokens() {
        TestTokens.Spec delegate = TestTokens.of("acct-1", Role.DELEGATE);
        return Stream.of(
                Arguments.argumentSet("expired five minutes ago", delegate.expiredSince(Duration.ofMinutes(5)).bearer()),
                Arguments.argumentSet("signed by a key the platform never published", delegate.signedByUnknownKey().bearer()),
                Arguments.argumentSet("issued by another issuer", delegate.issuedBy("https://issuer.example.org").bearer()),
                Arguments.argumentSet("issued for another audience", delegate.forAudience("another-api").bearer()),
                Arguments.argumentSet("not a token at all", "Bearer not-a-jwt"));
    }

    @ParameterizedTest
    @MethodSource("invalidTokens")
    void answersUnauthorizedProblemForAnInvalidTokenWithoutReachingTheService(String authorization)
            throws Exception {
        int before = registrationService.requestsReceived();

        HttpResponse<String> response = get(port, "/api/registrations/reg-42", "Authorization", authorization);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer ").contains("error=\"invalid_token\""));
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/registrations/reg-42");
        assertThat(response.headers().firstValue(EchoingService.SERVED_BY)).isEmpty();
        assertThat(registrationService.requestsReceived()).isEqualTo(before);
    }

    @Test
    void letsARequestWithoutTokenReachTheServiceAnonymously() throws Exception {
        HttpResponse<String> response = get(port, "/api/registrations/reg-42");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(EchoingService.SERVED_BY)).hasValue("registration-service");
        assertThat(response.headers().firstValue(EchoingService.RECEIVED_AUTHORIZATION)).isEmpty();
    }

    @Test
    void relaysAValidTokenToTheServiceByteForByte() throws Exception {
        String authorization = TestTokens.bearer("delegate", Role.DELEGATE);

        HttpResponse<String> response = get(port, "/api/registrations/reg-42", "Authorization", authorization);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(EchoingService.RECEIVED_AUTHORIZATION)).hasValue(authorization);
    }
}
