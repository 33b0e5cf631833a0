package org.learningcities.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;

/**
 * The on-disk side of the single-node KRaft broker: its {@code server.properties} and its storage, which is
 * formatted once so that topics and records survive restarts.
 */
final class KafkaStorage {

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);

    private final Path directory;
    private final int port;
    private final Path logFile;

    KafkaStorage(Path directory, int port, Path logFile) {
        this.directory = directory;
        this.port = port;
        this.logFile = logFile;
    }

    Path propertiesFile() {
        return directory.resolve("server.properties");
    }

    /** Writes the configuration afresh on every start, so a changed port or setting takes effect. */
    void writeProperties() {
        String controller = "localhost:" + (port + 1);
        String properties = """
                # Written by the local platform launcher on every start; edits are overwritten.
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=%s
                listeners=PLAINTEXT://localhost:%d,CONTROLLER://%s
                advertised.listeners=PLAINTEXT://localhost:%d
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%s
                num.partitions=1
                auto.create.topics.enable=true
                # One broker: every replicated internal topic must make do with one replica.
                default.replication.factor=1
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                # Fewer consumer-offset partitions than the default 50 make the first consumer group join faster.
                offsets.topic.num.partitions=10
                # No other group members will join late, so do not wait for them.
                group.initial.rebalance.delay.ms=0
                # The log cleaner's key map lives on the heap, 128 MiB by default: more than everything else the
                # broker keeps. 16 MiB still compacts half a million keys per pass.
                log.cleaner.dedupe.buffer.size=16777216
                """.formatted(controller, port, controller, port, logDirectory());
        try {
            Files.createDirectories(directory);
            Files.writeString(propertiesFile(), properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Formats the storage unless an earlier start already did; formatting again would refuse or lose data. */
    void formatOnce() {
        if (Files.exists(logDirectory().resolve("meta.properties"))) {
            return;
        }
        List<String> arguments = List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", ChildJvm.launcherClassPath(), "kafka.tools.StorageTool", "format", "--standalone",
                "-t", Uuid.randomUuid().toString(), "-c", propertiesFile().toString());
        long logOffset = LogFile.size(logFile);
        Process format = ChildJvm.start(arguments, Map.of(), logFile);
        try {
            if (!format.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new PlatformStartupException("Formatting the Kafka storage in " + logDirectory()
                        + " took longer than " + FORMAT_TIMEOUT.toSeconds() + " s. " + LogFile.explain(logFile, logOffset));
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new PlatformStartupException("Interrupted while formatting the Kafka storage", e);
        }
        if (format.exitValue() != 0) {
            throw new PlatformStartupException("Formatting the Kafka storage in " + logDirectory() + " failed with exit code "
                    + format.exitValue() + ". " + LogFile.explain(logFile, logOffset));
        }
    }

    private Path logDirectory() {
        return directory.resolve("data");
    }
}
