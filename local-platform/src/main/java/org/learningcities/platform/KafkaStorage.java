package org.learningcities.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The on-disk side of one KRaft node: its {@code server.properties} and its storage, which is formatted once so
 * that topics and records survive restarts. A single node is its own controller quorum (a standalone controller);
 * the nodes of a cluster form a static quorum of every node and replicate every partition to three of them.
 */
final class KafkaStorage {

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);

    private static final String SINGLE_NODE_REPLICATION = """
            # One broker: every replicated internal topic must make do with one replica.
            default.replication.factor=1
            offsets.topic.replication.factor=1
            transaction.state.log.replication.factor=1
            transaction.state.log.min.isr=1
            share.coordinator.state.topic.replication.factor=1
            share.coordinator.state.topic.min.isr=1
            """;

    /** With acks=all a write is acknowledged once on two replicas, so losing any one broker loses nothing. */
    private static final String CLUSTER_REPLICATION = """
            # Three brokers: three replicas of everything; acks=all writes need two in sync, so one broker may fail.
            default.replication.factor=3
            min.insync.replicas=2
            offsets.topic.replication.factor=3
            transaction.state.log.replication.factor=3
            transaction.state.log.min.isr=2
            share.coordinator.state.topic.replication.factor=3
            share.coordinator.state.topic.min.isr=2
            """;

    private final Path directory;
    private final KafkaNode node;
    private final List<KafkaNode> cluster;
    private final List<ProxiedListener> proxiedListeners;
    private final String clusterId;
    private final Path logFile;

    /**
     * @param cluster          every node of the cluster, this one included; just this one for a single broker
     * @param clusterId        the same for every node of a cluster
     */
    KafkaStorage(Path directory, KafkaNode node, List<KafkaNode> cluster, List<ProxiedListener> proxiedListeners,
                 String clusterId, Path logFile) {
        this.directory = directory;
        this.node = node;
        this.cluster = List.copyOf(cluster);
        this.proxiedListeners = List.copyOf(proxiedListeners);
        this.clusterId = clusterId;
        this.logFile = logFile;
    }

    Path propertiesFile() {
        return directory.resolve("server.properties");
    }

    /** Writes the configuration afresh on every start, so a changed port or setting takes effect. */
    void writeProperties() {
        String controller = "localhost:" + node.controllerPort();
        String quorum = isClustered()
                ? "controller.quorum.voters=" + cluster.stream()
                        .map(voter -> voter.nodeId() + "@localhost:" + voter.controllerPort())
                        .collect(Collectors.joining(","))
                : "controller.quorum.bootstrap.servers=" + controller;
        StringBuilder listeners = new StringBuilder("PLAINTEXT://localhost:" + node.port() + ",CONTROLLER://" + controller);
        StringBuilder advertised = new StringBuilder("PLAINTEXT://localhost:" + node.port());
        StringBuilder protocols = new StringBuilder("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        for (ProxiedListener proxied : proxiedListeners) {
            listeners.append(',').append(proxied.name()).append("://localhost:").append(proxied.port());
            advertised.append(',').append(proxied.name()).append("://localhost:").append(proxied.advertisedPort());
            protocols.append(',').append(proxied.name()).append(":PLAINTEXT");
        }
        String properties = """
                # Written by the local platform launcher on every start; edits are overwritten.
                process.roles=broker,controller
                node.id=%d
                %s
                listeners=%s
                advertised.listeners=%s
                listener.security.protocol.map=%s
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%s
                num.partitions=1
                auto.create.topics.enable=true
                %s\
                # Fewer consumer-offset partitions than the default 50 make the first consumer group join faster.
                offsets.topic.num.partitions=10
                # No other group members will join late, so do not wait for them.
                group.initial.rebalance.delay.ms=0
                # The log cleaner's key map lives on the heap, 128 MiB by default: more than everything else the
                # broker keeps. 16 MiB still compacts half a million keys per pass.
                log.cleaner.dedupe.buffer.size=16777216
                """.formatted(node.nodeId(), quorum, listeners, advertised, protocols, logDirectory(),
                isClustered() ? CLUSTER_REPLICATION : SINGLE_NODE_REPLICATION);
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
        List<String> arguments = new ArrayList<>(List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", ChildJvm.launcherClassPath(), "kafka.tools.StorageTool", "format",
                "-t", clusterId, "-c", propertiesFile().toString()));
        if (!isClustered()) {
            // A static voter set (controller.quorum.voters) needs no such option.
            arguments.add("--standalone");
        }
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

    private boolean isClustered() {
        return cluster.size() > 1;
    }

    private Path logDirectory() {
        return directory.resolve("data");
    }
}
