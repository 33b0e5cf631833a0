package org.learningcities.notification.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * SSRF protection: partners choose the URL, so a URL must never make this service call into the platform's own
 * network or the cloud metadata endpoint. A host is refused when any address it resolves to is not public,
 * because the HTTP client could pick that one; the dispatcher connects to an address checked here, at every
 * attempt, so DNS answering differently later (rebinding) cannot get round it.
 */
@Component
class AddressPolicy {

    private static final List<RefusedRange> REFUSED = List.of(
            new RefusedRange(Network.parse("0.0.0.0/8"), "an unspecified address"),
            new RefusedRange(Network.parse("::/128"), "an unspecified address"),
            new RefusedRange(Network.parse("127.0.0.0/8"), "a loopback address"),
            new RefusedRange(Network.parse("::1/128"), "a loopback address"),
            new RefusedRange(Network.parse("169.254.0.0/16"), "a link-local address"),
            new RefusedRange(Network.parse("fe80::/10"), "a link-local address"),
            new RefusedRange(Network.parse("10.0.0.0/8"), "a private address"),
            new RefusedRange(Network.parse("172.16.0.0/12"), "a private address"),
            new RefusedRange(Network.parse("192.168.0.0/16"), "a private address"),
            new RefusedRange(Network.parse("fc00::/7"), "a private address"),
            new RefusedRange(Network.parse("fec0::/10"), "a private address"),
            new RefusedRange(Network.parse("100.64.0.0/10"), "a shared (CGNAT) address"),
            new RefusedRange(Network.parse("224.0.0.0/4"), "a multicast address"),
            new RefusedRange(Network.parse("ff00::/8"), "a multicast address"),
            new RefusedRange(Network.parse("255.255.255.255/32"), "a broadcast address"));

    private final List<Network> allowed;

    AddressPolicy(WebhookProperties properties) {
        this.allowed = properties.allowedPrivateNetworks().stream().map(Network::parse).toList();
    }

    /** Every address the host resolves to, all permitted; refused as a whole when one is not. */
    List<InetAddress> resolve(String host) throws RefusedAddressException {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedAddressException("host " + host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address);
            if (refusal.isPresent()) {
                throw new RefusedAddressException("host " + host + " resolves to " + address.getHostAddress()
                        + ", " + refusal.get());
            }
        }
        return List.of(addresses);
    }

    /** Why this address may not be called, if it may not. */
    Optional<String> refusal(InetAddress address) {
        if (allowed.stream().anyMatch(network -> network.contains(address))) {
            return Optional.empty();
        }
        InetAddress checked = embeddedIpv4(address).orElse(address);
        return REFUSED.stream()
                .filter(range -> range.network().contains(checked))
                .map(RefusedRange::reason)
                .findFirst();
    }

    /** An IPv6 address carrying an IPv4 one (::ffff:a.b.c.d, ::a.b.c.d) reaches that IPv4 address. */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        boolean zeroPrefix = Arrays.equals(bytes, 0, 10, new byte[10], 0, 10);
        boolean mapped = zeroPrefix && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
        boolean compatible = zeroPrefix && bytes[10] == 0 && bytes[11] == 0 && !isZero(bytes, 12, 15);
        if (!mapped && !compatible) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** True when bytes [from, to) are zero: ::1 and :: are IPv6 addresses of their own, not IPv4-compatible ones. */
    private static boolean isZero(byte[] bytes, int from, int to) {
        return Arrays.equals(bytes, from, to, new byte[to - from], 0, to - from);
    }

    static class RefusedAddressException extends Exception {

        RefusedAddressException(String message) {
            super(message);
        }
    }

    private record RefusedRange(Network network, String reason) {
    }

    /** A CIDR block such as {@code 10.0.0.0/8} or {@code fc00::/7}; a bare address is a block of one. */
    private record Network(byte[] prefix, int bits) {

        static Network parse(String cidr) {
            String[] parts = cidr.trim().split("/", 2);
            try {
                // Only literals: a host name here would be looked up in DNS at startup.
                if (!parts[0].contains(":") && !parts[0].matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                    throw new IllegalArgumentException("not an IP address");
                }
                byte[] prefix = InetAddress.getByName(parts[0]).getAddress();
                int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : prefix.length * 8;
                if (bits < 0 || bits > prefix.length * 8) {
                    throw new IllegalArgumentException("prefix length out of range");
                }
                return new Network(prefix, bits);
            } catch (IllegalArgumentException | UnknownHostException e) {
                throw new IllegalArgumentException("Not a CIDR block: '" + cidr + "' (" + e.getMessage() + ")", e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(candidate, 0, whole, prefix, 0, whole)) {
                return false;
            }
            int rest = bits % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (candidate[whole] & mask) == (prefix[whole] & mask);
        }
    }
}
