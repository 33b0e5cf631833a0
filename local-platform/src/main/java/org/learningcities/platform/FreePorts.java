package org.learningcities.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Ports nobody listens on right now, for tests that must not clash with a running local platform. One instance
 * never hands out the same port twice, although the operating system may offer it again.
 */
final class FreePorts {

    private static final int ATTEMPTS = 50;

    private final Set<Integer> handedOut = new HashSet<>();

    int any() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ephemeralPort();
            if (handedOut.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("Found no unused free port in " + ATTEMPTS + " attempts");
    }

    /** A free port whose successor is free too: Kafka's controller listens on the broker port + 1. */
    int pair() {
        return consecutive(2);
    }

    /** The first of {@code count} consecutive free ports, e.g. for the brokers and controllers of a cluster. */
    int consecutive(int count) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int first = ephemeralPort();
            List<Integer> ports = IntStream.range(first, first + count).boxed().toList();
            if (first + count - 1 <= 65535 && ports.stream().noneMatch(handedOut::contains)
                    && ports.stream().skip(1).allMatch(FreePorts::isFree)) {
                handedOut.addAll(ports);
                return first;
            }
        }
        throw new IllegalStateException("Found no " + count + " free consecutive ports in " + ATTEMPTS + " attempts");
    }

    private static int ephemeralPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
