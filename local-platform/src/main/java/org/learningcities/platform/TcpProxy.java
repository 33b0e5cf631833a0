package org.learningcities.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on the loopback interface that forwards bytes both ways between its clients and one upstream
 * address, and can inject network faults between them:
 * <ul>
 * <li>{@link #delay(Duration)}: every chunk of bytes arrives that much later, in either direction (so a request
 *     and its answer take twice the delay more); throughput is kept, as on a long link.</li>
 * <li>{@link #cut()}: resets every open connection and resets every new one at once, as a peer that is down or a
 *     firewall rejecting the traffic: clients see their connections fail immediately.</li>
 * <li>{@link #blackhole()}: keeps connections open and accepts new ones but forwards nothing, as a network
 *     partition that drops packets: clients see only time-outs. The bytes are held back, not lost, as TCP would
 *     retransmit them: after {@link #restore()} whatever the clients did not give up on arrives.</li>
 * </ul>
 * Each connection uses four virtual threads, one reading and one writing per direction.
 */
public final class TcpProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TcpProxy.class);

    private static final int CHUNK_SIZE = 16 * 1024;
    /** Chunks in flight per direction: enough for full speed with a delay, few enough to push back on a sender. */
    private static final int CHUNKS_IN_FLIGHT = 256;

    private enum Mode { FORWARD, CUT, BLACKHOLE }

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Object modeChange = new Object();
    private volatile Mode mode = Mode.FORWARD;
    private volatile Duration delay = Duration.ZERO;

    private TcpProxy(ServerSocket server, InetSocketAddress upstream) {
        this.server = server;
        this.upstream = upstream;
    }

    /** Listens on {@code port} of the loopback interface (0 for any free port) and forwards to {@code upstream}. */
    public static TcpProxy start(int port, InetSocketAddress upstream) {
        try {
            ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            TcpProxy proxy = new TcpProxy(server, upstream);
            proxy.threads.execute(proxy::acceptConnections);
            log.info("TCP proxy localhost:{} -> {}", server.getLocalPort(), upstream);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("The TCP proxy could not listen on port " + port, e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Adds {@code delay} to every chunk forwarded from now on, in both directions; zero forwards at once. */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    /** Resets every open connection and, until {@link #restore()}, every new one. */
    public void cut() {
        setMode(Mode.CUT);
        connections.forEach(Connection::reset);
    }

    /** Forwards nothing until {@link #restore()}, holding back the bytes, but keeps and accepts connections. */
    public void blackhole() {
        setMode(Mode.BLACKHOLE);
    }

    /** Forwards again, without delay: ends a {@link #cut()}, a {@link #blackhole()} and any {@link #delay}. */
    public void restore() {
        delay = Duration.ZERO;
        setMode(Mode.FORWARD);
    }

    /** Stops listening and resets every connection. */
    @Override
    public void close() {
        setMode(Mode.CUT);
        try {
            server.close();
        } catch (IOException e) {
            log.debug("Closing the proxy's server socket failed", e);
        }
        connections.forEach(Connection::reset);
        threads.shutdownNow();
    }

    private void setMode(Mode newMode) {
        synchronized (modeChange) {
            mode = newMode;
            modeChange.notifyAll();
        }
    }

    private void acceptConnections() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> open(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.warn("The TCP proxy on port {} could not accept a connection", port(), e);
                }
            }
        }
    }

    private void open(Socket client) {
        Socket target = new Socket();
        try {
            // As through a partition, no connection reaches the upstream while blackholed; none at all while cut.
            awaitForwarding(System.nanoTime());
            target.connect(upstream);
        } catch (IOException | InterruptedException e) {
            // If the upstream is down, the client sees what it would have seen without the proxy: a reset.
            Connection.reset(client);
            Connection.reset(target);
            return;
        }
        Connection connection = new Connection(client, target);
        connections.add(connection);
        if (mode == Mode.CUT) {
            connection.reset();
            return;
        }
        forward(connection, client, target);
        forward(connection, target, client);
    }

    /** Starts reading {@code from} into a queue and writing the queue to {@code to} once each chunk is due. */
    private void forward(Connection connection, Socket from, Socket to) {
        BlockingQueue<Chunk> inFlight = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
        threads.execute(() -> {
            try (InputStream in = from.getInputStream()) {
                byte[] buffer = new byte[CHUNK_SIZE];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    inFlight.put(new Chunk(Arrays.copyOf(buffer, read), System.nanoTime() + delay.toNanos()));
                }
                inFlight.put(Chunk.END);
            } catch (IOException | InterruptedException e) {
                connection.reset();
                // Ends the writer if it waits for more; if the queue is full instead, its next write fails.
                inFlight.offer(Chunk.END);
            }
        });
        threads.execute(() -> {
            try {
                OutputStream out = to.getOutputStream();
                for (Chunk chunk = inFlight.take(); chunk != Chunk.END; chunk = inFlight.take()) {
                    awaitForwarding(chunk.dueAt());
                    out.write(chunk.bytes());
                }
                to.shutdownOutput();
                connection.halfClosed();
            } catch (IOException | InterruptedException e) {
                connection.reset();
            }
        });
    }

    /** Waits until the chunk is due and the proxy forwards at all; a cut ends the connection instead. */
    private void awaitForwarding(long dueAt) throws InterruptedException, SocketException {
        long wait = dueAt - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
        synchronized (modeChange) {
            while (mode == Mode.BLACKHOLE) {
                modeChange.wait();
            }
            if (mode == Mode.CUT) {
                throw new SocketException("cut");
            }
        }
    }

    private record Chunk(byte[] bytes, long dueAt) {
        static final Chunk END = new Chunk(new byte[0], 0);
    }

    /** A client's connection and the proxy's connection upstream for it. */
    private final class Connection {

        private final Socket client;
        private final Socket target;
        private int directionsClosed;

        Connection(Socket client, Socket target) {
            this.client = client;
            this.target = target;
        }

        /** Closes both sockets with a TCP reset rather than an orderly close, as a crash or a firewall would. */
        void reset() {
            connections.remove(this);
            reset(client);
            reset(target);
        }

        /** Once both directions ended in order, the connection is over. */
        synchronized void halfClosed() {
            directionsClosed++;
            if (directionsClosed == 2) {
                connections.remove(this);
                closeQuietly(client);
                closeQuietly(target);
            }
        }

        static void reset(Socket socket) {
            try {
                socket.setSoLinger(true, 0);
            } catch (SocketException alreadyClosed) {
                // nothing to reset
            }
            closeQuietly(socket);
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("Closing a proxied socket failed", e);
            }
        }
    }
}
