package org.learningcities.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a service jar in {@link ServiceProcessTest}, starting in a moment instead of half a minute: it
 * answers the readiness probe on {@code SERVER_PORT}, starts a child process as a service's JVM may, and notes a
 * graceful shutdown in the file named by {@code STUB_SHUTDOWN_MARKER}.
 */
final class ReadinessStub {

    private ReadinessStub() {
    }

    public static void main(String[] args) throws IOException {
        Path shutdownMarker = Path.of(System.getenv("STUB_SHUTDOWN_MARKER"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.writeString(shutdownMarker, "stopped gracefully");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        new ProcessBuilder("sleep", "600").start();
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }
}
