package org.learningcities.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.learningcities.gateway.GatewayUnderTest;
import org.learningcities.gateway.GatewayWithStandIns;
import org.learningcities.gateway.routing.EchoingService;
import org.springframework.boot.test.context.SpringBootTest;

/** A registration's trace starts (or continues) at the gateway and reaches the service it is routed to. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TracePropagationTest extends GatewayWithStandIns {

    private static final HttpClient HTTP = GatewayUnderTest.http();

    @Test
    void continuesTheCallersTraceIntoTheServiceItRoutesTo() throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String callerSpanId = "b7ad6b7169203331";

        String[] forwarded = forwardedTraceparent("00-" + traceId + "-" + callerSpanId + "-01").split("-");

        assertThat(forwarded[1]).as("the caller's trace").isEqualTo(traceId);
        assertThat(forwarded[2]).as("the gateway's own span within it").isNotEqualTo(callerSpanId);
        assertThat(forwarded[3]).as("sampled").isEqualTo("01");
    }

    @Test
    void startsATraceForARequestThatCameWithoutOne() throws Exception {
        assertThat(forwardedTraceparent(null)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void namesTheTraceInTheAnswerSoItCanBeFollowedThroughEveryService() throws Exception {
        HttpResponse<String> answer = register("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", null);

        assertThat(answer.headers().firstValue("X-Trace-Id")).hasValue("0af7651916cd43dd8448eb211c80319c");
        String started = register(null, null).headers().firstValue("X-Trace-Id").orElseThrow();
        assertThat(started).matches("[0-9a-f]{32}");
        assertThat(register(null, null).headers().firstValue("X-Trace-Id"))
                .hasValueSatisfying(next -> assertThat(next).as("a new request's own trace").isNotEqualTo(started));
    }

    @Test
    void namesTheTraceInAnAnswerTheGatewayGivesItself() throws Exception {
        HttpResponse<String> refused = register("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "Bearer not-a-token");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("X-Trace-Id")).hasValue("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    /** Registers through the gateway; answers the traceparent the registration-service stand-in received. */
    private String forwardedTraceparent(String traceparent) throws Exception {
        HttpResponse<String> response = register(traceparent, null);
        assertThat(response.headers().firstValue(EchoingService.SERVED_BY)).hasValue("registration-service");
        return response.headers().firstValue(EchoingService.RECEIVED_TRACEPARENT).orElseThrow(
                () -> new AssertionError("the service received no traceparent"));
    }

    private HttpResponse<String> register(String traceparent, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/conferences/iclc-2013/registrations"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"givenName\":\"Li\",\"familyName\":\"Wei\"}"));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), BodyHandlers.ofString());
    }
}
