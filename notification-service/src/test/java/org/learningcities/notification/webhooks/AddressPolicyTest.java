package org.learningcities.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF rules as production applies them: with no private network allowed. */
class AddressPolicyTest {

    private final AddressPolicy production = policy();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0                | an unspecified address
            0.1.2.3                | an unspecified address
            ::                     | an unspecified address
            127.0.0.1              | a loopback address
            127.10.20.30           | a loopback address
            ::1                    | a loopback address
            169.254.169.254        | a link-local address
            169.254.0.1            | a link-local address
            fe80::1                | a link-local address
            10.0.0.1               | a private address
            10.255.255.255         | a private address
            172.16.0.1             | a private address
            172.31.255.255         | a private address
            192.168.0.1            | a private address
            fc00::1                | a private address
            fd12:3456:789a::1      | a private address
            100.64.0.1             | a shared (CGNAT) address
            100.127.255.254        | a shared (CGNAT) address
            224.0.0.1              | a multicast address
            239.255.255.250        | a multicast address
            ff02::1                | a multicast address
            255.255.255.255        | a broadcast address
            ::ffff:127.0.0.1       | a loopback address
            ::ffff:169.254.169.254 | a link-local address
            ::ffff:10.1.2.3        | a private address
            ::10.1.2.3             | a private address
            """)
    void refusesAddressesOutsideThePublicInternet(String address, String reason) throws Exception {
        assertThat(production.refusal(InetAddress.getByName(address))).contains(reason);
        assertThatThrownBy(() -> production.resolve(address))
                .isInstanceOf(AddressPolicy.RefusedAddressException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.0", "172.15.255.255", "172.32.0.0",
            "169.253.255.255", "11.0.0.1", "2001:4860:4860::8888", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8"})
    void allowsPublicAddresses(String address) throws Exception {
        assertThat(production.refusal(InetAddress.getByName(address))).isEmpty();
        assertThat(production.resolve(address)).containsExactly(InetAddress.getByName(address));
    }

    @Test
    void refusesAHostWhenAnyOfItsAddressesIsRefused() {
        // localhost resolves from the hosts file, without DNS, to loopback addresses only.
        assertThatThrownBy(() -> production.resolve("localhost"))
                .isInstanceOf(AddressPolicy.RefusedAddressException.class)
                .hasMessageContaining("host localhost resolves to")
                .hasMessageContaining("a loopback address");
    }

    @Test
    void refusesAHostThatDoesNotResolve() {
        assertThatThrownBy(() -> production.resolve("no-such-host.invalid"))
                .isInstanceOf(AddressPolicy.RefusedAddressException.class)
                .hasMessageContaining("cannot be resolved");
    }

    @Test
    void allowsOnlyTheConfiguredPrivateNetworks() throws Exception {
        AddressPolicy local = policy("127.0.0.1/32", "10.20.0.0/16");

        assertThat(local.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(local.refusal(InetAddress.getByName("10.20.255.1"))).isEmpty();
        assertThat(local.refusal(InetAddress.getByName("127.0.0.2"))).contains("a loopback address");
        assertThat(local.refusal(InetAddress.getByName("10.21.0.1"))).contains("a private address");
        assertThat(local.refusal(InetAddress.getByName("::1"))).contains("a loopback address");
    }

    @Test
    void refusesToStartWithAnAllowListEntryThatIsNotACidrBlock() {
        for (String invalid : List.of("localhost", "10.0.0.0/33", "10.0.0/8", "fc00::/129", "10.0.0.0/x")) {
            assertThatIllegalArgumentException().isThrownBy(() -> policy(invalid)).withMessageContaining(invalid);
        }
    }

    static AddressPolicy policy(String... allowedNetworks) {
        return new AddressPolicy(new WebhookProperties(List.of(Duration.ZERO), List.of(allowedNetworks),
                Duration.ofSeconds(5), Duration.ofSeconds(10), 4));
    }
}
