package org.learningcities.performance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka's own performance tools against the platform's broker, as child JVMs on this class path: what the broker
 * and a plain client do on this machine, the yardstick for the platform's messaging figures.
 */
final class KafkaToolBaselines {

    private static final int RECORD_BYTES = 1024;
    private static final String LATENCY_TOPIC = "performance.end-to-end-latency";
    private static final String PRODUCER_TOPIC = "performance.producer";

    private final String bootstrapServers;
    private final Path logDirectory;

    KafkaToolBaselines(String bootstrapServers, Path logDirectory) {
        this.bootstrapServers = bootstrapServers;
        this.logDirectory = logDirectory;
    }

    /** One record at a time, acks=all, each consumed back before the next is sent. */
    KafkaToolOutput.EndToEndLatency endToEndLatency(int records) {
        createTopic(LATENCY_TOPIC);
        List<String> output = run("org.apache.kafka.tools.EndToEndLatency", List.of(bootstrapServers, LATENCY_TOPIC,
                String.valueOf(records), "all", String.valueOf(RECORD_BYTES)), "kafka-end-to-end-latency.log");
        return KafkaToolOutput.endToEndLatency(output);
    }

    /** As fast as one producer goes, acks=all (idempotent by default), one partition. */
    KafkaToolOutput.ProducerPerformance producerPerformance(int records) {
        createTopic(PRODUCER_TOPIC);
        List<String> output = run("org.apache.kafka.tools.ProducerPerformance", List.of("--topic", PRODUCER_TOPIC,
                "--num-records", String.valueOf(records), "--record-size", String.valueOf(RECORD_BYTES),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all"),
                "kafka-producer-performance.log");
        return KafkaToolOutput.producerPerformance(output);
    }

    private void createTopic(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create the topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs the tool in English (it formats numbers with the default locale) and returns what it printed. */
    private List<String> run(String mainClass, List<String> arguments, String logName) {
        Path log = logDirectory.resolve(logName);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-Duser.language=en", "-Duser.country=US", "-cp", System.getProperty("java.class.path"),
                mainClass));
        command.addAll(arguments);
        try {
            Files.createDirectories(logDirectory);
            Process tool = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!tool.waitFor(5, TimeUnit.MINUTES)) {
                tool.destroyForcibly();
                throw new IllegalStateException(mainClass + " did not finish within 5 minutes; see " + log);
            }
            List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
            if (tool.exitValue() != 0) {
                throw new IllegalStateException(mainClass + " exited with " + tool.exitValue() + "; see " + log);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
