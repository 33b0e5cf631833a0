package org.learningcities.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** Which address a request is counted against, with and without trusted proxies in front. */
class ClientAddressesTest {

    @Test
    void countsTheTcpPeerWhenNoProxyIsTrusted() {
        ClientAddresses addresses = new ClientAddresses(List.of());

        assertThat(addresses.of(from("203.0.113.5", "198.51.100.1"))).isEqualTo("203.0.113.5");
    }

    @Test
    void countsTheHopAppendedByATrustedProxyInACidrRange() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8"));

        assertThat(addresses.of(from("10.1.2.3", "192.0.2.66, 198.51.100.1"))).isEqualTo("198.51.100.1");
    }

    @Test
    void skipsEveryTrustedProxyInTheChain() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "172.16.0.0/12"));

        assertThat(addresses.of(from("10.1.2.3", "198.51.100.1, 172.20.0.4"))).isEqualTo("198.51.100.1");
    }

    @Test
    void understandsIpv6Ranges() {
        ClientAddresses addresses = new ClientAddresses(List.of("fd00::/8"));

        assertThat(addresses.of(from("fd12::1", "2001:db8::7"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(addresses.of(from("2001:db8::9", "198.51.100.1"))).isEqualTo("2001:db8:0:0:0:0:0:9");
    }

    @Test
    void neverResolvesAHostNameAClaimedToForward() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8"));

        assertThat(addresses.of(from("10.1.2.3", "attacker.example"))).isEqualTo("10.1.2.3");
    }

    @Test
    void refusesATrustedProxyThatIsNotAnAddress() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proxy.internal");
    }

    private static MockServerHttpRequest from(String peer, String forwardedFor) {
        return MockServerHttpRequest.get("/api/conferences")
                .remoteAddress(new InetSocketAddress(peer, 43210))
                .header("X-Forwarded-For", forwardedFor)
                .build();
    }
}
