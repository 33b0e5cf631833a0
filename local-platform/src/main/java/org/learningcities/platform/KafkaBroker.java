package org.learningcities.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker (KRaft, broker and controller in one process) running as a child process of its own, so
 * that it can be stopped or killed and started again on the same port and data, as a crashed broker would. Either
 * a single node or one node of a cluster.
 */
public final class KafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    /** Logged by KafkaRaftServer once the broker is unfenced and serves clients. */
    private static final String STARTED_LINE = "Kafka Server started";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SHUTDOWN_GRACE_PERIOD = Duration.ofSeconds(20);
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
            // The broker logs through slf4j-simple from the launcher's class path; give its lines a time stamp.
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS");

    private final KafkaStorage storage;
    private final KafkaNode node;
    private final Path logFile;
    private volatile Process process;

    /** A single broker that is its own controller quorum. */
    KafkaBroker(Path directory, int port, Path logFile) {
        this(directory, new KafkaNode(1, port), List.of(new KafkaNode(1, port)), List.of(),
                Uuid.randomUuid().toString(), logFile);
    }

    /**
     * @param cluster   every node of the cluster (this one included), each a voter of the controller quorum
     * @param clusterId the same for every node of the cluster
     */
    KafkaBroker(Path directory, KafkaNode node, List<KafkaNode> cluster, List<ProxiedListener> proxiedListeners,
                String clusterId, Path logFile) {
        this.storage = new KafkaStorage(directory, node, cluster, proxiedListeners, clusterId, logFile);
        this.node = node;
        this.logFile = logFile;
    }

    /** Starts the broker, formatting its storage on first use, and returns once it serves clients. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        storage.writeProperties();
        storage.formatOnce();
        long logSizeBeforeStart = LogFile.size(logFile);
        List<String> arguments = new ArrayList<>(JVM_OPTIONS);
        arguments.addAll(List.of("-cp", ChildJvm.launcherClassPath(), "kafka.Kafka", storage.propertiesFile().toString()));
        Process started = ChildJvm.start(arguments, Map.of(), logFile);
        process = started;
        awaitStarted(started, logSizeBeforeStart);
        started.onExit().thenAccept(this::warnIfUnexpected);
        log.info("Kafka broker ready at {}", bootstrapServers());
    }

    /** Stops the broker gracefully (SIGTERM), killing it if it has not stopped after a grace period. */
    public synchronized void stop() {
        Process running = process;
        process = null;
        if (running != null) {
            ProcessTree.stop(running.toHandle(), SHUTDOWN_GRACE_PERIOD);
        }
    }

    /**
     * Kills the broker (SIGKILL, no controlled shutdown: its partitions' leadership moves only once the controller
     * notices the missed heartbeats) and returns once it is gone. {@link #start()} recovers its logs and brings it
     * back on the same port and data.
     */
    public synchronized void kill() {
        Process running = process;
        process = null;
        if (running != null) {
            ProcessTree.kill(running.toHandle());
        }
    }

    public boolean isRunning() {
        Process running = process;
        return running != null && running.isAlive();
    }

    public String bootstrapServers() {
        return "localhost:" + port();
    }

    /**
     * Resident memory of the broker's process, measured as {@link ResidentMemory} does (proportional set size:
     * shared pages split among the processes sharing them); 0 when it is not running.
     */
    public long residentMemoryBytes() {
        Process running = process;
        return running == null ? 0 : ResidentMemory.bytesOfTrees(List.of(running.toHandle()));
    }

    public int port() {
        return node.port();
    }

    /** The broker's {@code node.id}, as Kafka's metadata names it, e.g. as a partition's leader. */
    public int nodeId() {
        return node.nodeId();
    }

    public Path logFile() {
        return logFile;
    }

    private void awaitStarted(Process started, long logOffset) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (!LogFile.containsAfter(logFile, logOffset, STARTED_LINE)) {
            if (!started.isAlive()) {
                process = null;
                throw new PlatformStartupException("The Kafka broker on port " + port() + " exited with code "
                        + started.exitValue() + " before it was ready. " + LogFile.explain(logFile, logOffset));
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new PlatformStartupException("The Kafka broker on port " + port() + " was not ready within "
                        + STARTUP_TIMEOUT.toSeconds() + " s. " + LogFile.explain(logFile, logOffset));
            }
            Sleep.briefly();
        }
    }

    private void warnIfUnexpected(Process exited) {
        if (exited == process) {
            log.warn("The Kafka broker on port {} exited unexpectedly with code {}; see {}", port(), exited.exitValue(), logFile);
        }
    }
}
