package org.learningcities.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.learningcities.gateway.GatewayUnderTest;
import org.learningcities.gateway.GatewayWithStandIns;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A client whose request the gateway refused before reading its body keeps being answered on its keep-alive
 * connections. The JDK's HTTP client writes headers and body separately, so the body arrives while the refusal is
 * sent; with Reactor Netty 1.3.6 that left the connection unread about once in a few hundred refusals, and the
 * client's next request on it was never answered (reactor/reactor-netty#4347, fixed in 1.3.8, which the parent POM
 * pins).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.rate-limit.trusted-proxies=127.0.0.1",
        "gateway.rate-limit.registration-writes.per-ip.burst-capacity=1",
        "gateway.rate-limit.registration-writes.per-ip.replenish-rate=0.01"})
class EarlyAnswerKeepAliveTest extends GatewayWithStandIns {

    /** With Reactor Netty 1.3.6, runs of 400 rounds stalled within the first few hundred refusals. */
    private static final int ROUNDS = 400;

    @Test
    void keepsAnsweringAClientOnItsKeepAliveConnectionsAfterRefusingItsRequests() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String address = "10.1." + (round / 200) + "." + (round % 200);

            assertThat(register(address)).as("round %d: first registration from a new address", round).isEqualTo(200);
            assertThat(register(address)).as("round %d: the address's budget is spent", round).isEqualTo(429);
        }
    }

    private int register(String clientAddress) throws Exception {
        return GatewayUnderTest.http().send(registration(clientAddress), BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest registration(String clientAddress) {
        return HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/conferences/iclc-2013/registrations"))
                // A stalled connection shows as a timeout here rather than at the build's limit.
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", clientAddress)
                .POST(BodyPublishers.ofString("{\"givenName\":\"Wei\"}"))
                .build();
    }
}
