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

    /** Registers through the gateway; answers the traceparent the registration-service stand-in received. */
    private String forwardedTraceparent(String traceparent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/conferences/iclc-2013/registrations"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"givenName\":\"Li\",\"familyName\":\"Wei\"}"));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        HttpResponse<String> response = HTTP.send(request.build(), BodyHandlers.ofString());
        assertThat(response.headers().firstValue(EchoingService.SERVED_BY)).hasValue("registration-service");
        return response.headers().firstValue(EchoingService.RECEIVED_TRACEPARENT).orElseThrow(
                () -> new AssertionError("the service received no traceparent"));
    }
}
