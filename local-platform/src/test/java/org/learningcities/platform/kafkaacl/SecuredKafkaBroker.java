package org.learningcities.platform.kafkaacl;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft broker secured as the compose brokers are (docker-compose.yml,
 * x-kafka-cluster-settings): PLAINTEXT listeners whose anonymous identity is the super user, and a
 * PARTNER listener that demands SASL/SCRAM-SHA-512, with the StandardAuthorizer denying whatever no ACL
 * grants. It runs in a child JVM on this test's class path and is killed and deleted by {@link #close()}.
 */
final class SecuredKafkaBroker implements AutoCloseable {

    private static final String STARTED_LINE = "Kafka Server started";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

    private final Path directory;
    private final int internalPort;
    private final int controllerPort;
    private final int partnerPort;
    private Process process;

    private SecuredKafkaBroker(Path directory) {
        this.directory = directory;
        this.internalPort = freePort();
        this.controllerPort = freePort();
        this.partnerPort = freePort();
    }

    static SecuredKafkaBroker start(Path directory) {
        SecuredKafkaBroker broker = new SecuredKafkaBroker(directory);
        try {
            broker.writeProperties();
            broker.format();
            broker.launch();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** The listener the services use, as User:ANONYMOUS, a super user. */
    String internalBootstrapServers() {
        return "localhost:" + internalPort;
    }

    /** The listener partners use, with SCRAM-SHA-512 credentials. */
    String partnerBootstrapServers() {
        return "localhost:" + partnerPort;
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeProperties() {
        String properties = """
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=localhost:%2$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=INTERNAL
                listeners=INTERNAL://localhost:%1$d,CONTROLLER://localhost:%2$d,PARTNER://localhost:%3$d
                advertised.listeners=INTERNAL://localhost:%1$d,PARTNER://localhost:%3$d
                listener.security.protocol.map=INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,PARTNER:SASL_PLAINTEXT
                sasl.enabled.mechanisms=SCRAM-SHA-512
                listener.name.partner.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
                authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
                allow.everyone.if.no.acl.found=false
                super.users=User:ANONYMOUS;User:platform-admin
                log.dirs=%4$s
                num.partitions=1
                auto.create.topics.enable=false
                default.replication.factor=1
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                log.cleaner.dedupe.buffer.size=16777216
                """.formatted(internalPort, controllerPort, partnerPort, directory.resolve("data"));
        try {
            Files.createDirectories(directory);
            Files.writeString(propertiesFile(), properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void format() {
        Process format = java(List.of("kafka.tools.StorageTool", "format", "--standalone",
                "-t", Uuid.randomUuid().toString(), "-c", propertiesFile().toString()));
        try {
            if (!format.waitFor(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("Formatting the broker storage failed; see " + logFile());
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void launch() {
        process = java(List.of("kafka.Kafka", propertiesFile().toString()));
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (!logContains(STARTED_LINE)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The secured broker did not start; see " + logFile());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private Process java(List<String> mainAndArguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArguments);
        try {
            return new ProcessBuilder(command)
                    .directory(new File(System.getProperty("user.dir")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean logContains(String line) {
        try {
            return Files.exists(logFile()) && Files.readString(logFile()).contains(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path propertiesFile() {
        return directory.resolve("server.properties");
    }

    private Path logFile() {
        return directory.resolve("broker.log");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
