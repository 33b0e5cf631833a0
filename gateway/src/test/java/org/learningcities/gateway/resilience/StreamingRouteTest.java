package org.learningcities.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.learningcities.gateway.GatewayUnderTest;
import org.learningcities.gateway.GatewayWithStandIns;
import org.learningcities.gateway.routing.PlatformService;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Server-sent-event streams stay open past the response timeout that ends a silent ordinary call (shortened to
 * 500 ms here; the streams' stand-ins pause 1.5 s between two events).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gateway.resilience.response-timeout=500ms")
class StreamingRouteTest extends GatewayWithStandIns {

    private static final Duration PAUSE = Duration.ofMillis(1500);

    @BeforeAll
    static void slowDownTheStandIns() {
        standIn(PlatformService.AGENDA).streamingWithPause(PAUSE);
        standIn(PlatformService.NOTIFICATION).streamingWithPause(PAUSE);
        standIn(PlatformService.REGISTRATION).answeringAfter(PAUSE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/conferences/iclc-2013/programme/changes", "/api/notifications/stream?recipientId=reg-42"})
    void keepsAServerSentEventStreamOpenBeyondTheResponseTimeout(String stream) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + stream))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "text/event-stream")
                .build();

        HttpResponse<String> response = GatewayUnderTest.http().send(request, BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("data: first\n\ndata: second\n\n");
    }

    @Test
    void answersGatewayTimeoutForAnOrdinaryCallSilentBeyondTheResponseTimeout() throws Exception {
        HttpResponse<String> response = GatewayUnderTest.get(port, "/api/registrations/reg-42");

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("registration-service");
    }
}
