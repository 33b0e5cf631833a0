package org.learningcities.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

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
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ephemeralPort();
            if (port < 65535 && !handedOut.contains(port) && !handedOut.contains(port + 1) && isFree(port + 1)) {
                handedOut.add(port);
                handedOut.add(port + 1);
                return port;
            }
        }
        throw new IllegalStateException("Found no two free consecutive ports in " + ATTEMPTS + " attempts");
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
