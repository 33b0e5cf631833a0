package org.learningcities.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy's faults at the level of TCP, in front of a real echo server. */
class TcpProxyTest {

    private final ExecutorService echoThreads = Executors.newVirtualThreadPerTaskExecutor();
    private ServerSocket echoServer;
    private TcpProxy proxy;

    @BeforeEach
    void startEchoServerBehindProxy() throws IOException {
        echoServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        echoThreads.execute(this::echoEveryConnection);
        proxy = TcpProxy.start(0, new InetSocketAddress(InetAddress.getLoopbackAddress(), echoServer.getLocalPort()));
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echoServer.close();
        echoThreads.shutdownNow();
    }

    @Test
    void forwardsBothWays() throws IOException {
        try (Socket client = connectThroughProxy()) {
            assertThat(roundTrip(client, "hello")).isEqualTo("hello");
        }
    }

    @Test
    void cutResetsOpenConnectionsAndNewOnesUntilRestored() throws IOException {
        try (Socket open = connectThroughProxy()) {
            roundTrip(open, "before");

            proxy.cut();

            assertThatThrownBy(() -> roundTrip(open, "during")).isInstanceOf(IOException.class);
            try (Socket refused = connectThroughProxy()) {
                assertThatThrownBy(() -> roundTrip(refused, "during")).isInstanceOf(IOException.class);
            }
        }
        proxy.restore();
        try (Socket afterwards = connectThroughProxy()) {
            assertThat(roundTrip(afterwards, "after")).isEqualTo("after");
        }
    }

    @Test
    void blackholeHoldsTheBytesBackUntilRestored() throws IOException {
        try (Socket client = connectThroughProxy()) {
            roundTrip(client, "before");

            proxy.blackhole();
            client.setSoTimeout(1_000);

            assertThatThrownBy(() -> roundTrip(client, "held")).isInstanceOf(SocketTimeoutException.class);
            proxy.restore();
            client.setSoTimeout(5_000);
            assertThat(new String(client.getInputStream().readNBytes(4), StandardCharsets.UTF_8)).isEqualTo("held");
        }
    }

    private Socket connectThroughProxy() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** Sends the text and reads as many bytes back; an ended stream counts as a failure too. */
    private static String roundTrip(Socket socket, String text) throws IOException {
        byte[] sent = text.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(sent);
        byte[] received = socket.getInputStream().readNBytes(sent.length);
        if (received.length < sent.length) {
            throw new IOException("The connection ended after " + received.length + " bytes");
        }
        return new String(received, StandardCharsets.UTF_8);
    }

    private void echoEveryConnection() {
        while (!echoServer.isClosed()) {
            try {
                Socket connection = echoServer.accept();
                echoThreads.execute(() -> echo(connection));
            } catch (IOException serverClosed) {
                return;
            }
        }
    }

    private static void echo(Socket connection) {
        try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException connectionReset) {
            // the test's client or the proxy went away
        }
    }
}
