package org.learningcities.gateway.ratelimit;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a request comes from: the TCP peer, unless that peer is a trusted proxy, in which case the
 * {@code X-Forwarded-For} hops are read from the right (the hop the trusted proxy appended) leftwards, skipping
 * further trusted proxies. Hops to the left of the first untrusted one were written by the caller and prove nothing.
 */
final class ClientAddresses {

    private final List<Range> trustedProxies;

    ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(Range::parse).toList();
    }

    String of(ServerHttpRequest request) {
        InetSocketAddress peer = request.getRemoteAddress();
        if (peer == null || peer.getAddress() == null) {
            return "unknown";
        }
        InetAddress client = peer.getAddress();
        if (!isTrusted(client)) {
            return client.getHostAddress();
        }
        List<String> forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            InetAddress hop = parse(forwarded.get(i).trim());
            if (hop == null) {
                break;
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    /** Only literal addresses: a host name in the header must never cause a DNS lookup. */
    private static InetAddress parse(String literal) {
        if (literal.isEmpty() || !literal.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address or CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}). */
    private record Range(byte[] network, int prefixLength) {

        static Range parse(String range) {
            String[] parts = range.trim().split("/");
            InetAddress address = ClientAddresses.parse(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("Not an IP address or CIDR range: " + range);
            }
            int bits = address.getAddress().length * 8;
            return new Range(address.getAddress(), parts.length > 1 ? Integer.parseInt(parts[1]) : bits);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int shift = network.length * 8 - prefixLength;
            return new BigInteger(1, candidate).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
        }
    }
}
