package org.learningcities.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) running as a child process of
 * its own, so that it can be stopped and started again on the same port and data, as a crashed broker would.
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
    private final int port;
    private final Path logFile;
    private volatile Process process;

    KafkaBroker(Path directory, int port, Path logFile) {
        this.storage = new KafkaStorage(directory, port, logFile);
        this.port = port;
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

    public boolean isRunning() {
        Process running = process;
        return running != null && running.isAlive();
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    private void awaitStarted(Process started, long logOffset) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (!LogFile.containsAfter(logFile, logOffset, STARTED_LINE)) {
            if (!started.isAlive()) {
                process = null;
                throw new PlatformStartupException("The Kafka broker on port " + port + " exited with code "
                        + started.exitValue() + " before it was ready. " + LogFile.explain(logFile, logOffset));
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new PlatformStartupException("The Kafka broker on port " + port + " was not ready within "
                        + STARTUP_TIMEOUT.toSeconds() + " s. " + LogFile.explain(logFile, logOffset));
            }
            Sleep.briefly();
        }
    }

    private void warnIfUnexpected(Process exited) {
        if (exited == process) {
            log.warn("The Kafka broker exited unexpectedly with code {}; see {}", exited.exitValue(), logFile);
        }
    }
}
