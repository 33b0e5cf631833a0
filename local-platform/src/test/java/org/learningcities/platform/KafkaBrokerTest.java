package org.learningcities.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    private static final String TOPIC = "local-platform.restart-check.v1";

    @TempDir
    Path dataDirectory;

    private KafkaBroker broker;

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void keepsRecordsAcrossARestart() throws Exception {
        broker = new KafkaBroker(dataDirectory.resolve("kafka"), new FreePorts().pair(), dataDirectory.resolve("kafka.log"));
        broker.start();
        send("delegate-42", "approved");
        assertThat(readAll()).containsExactly("delegate-42=approved");

        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        broker.start();

        assertThat(broker.isRunning()).isTrue();
        assertThat(readAll()).containsExactly("delegate-42=approved");
    }

    @Test
    void keepsAcknowledgedRecordsWhenKilledAndStartsAgain() throws Exception {
        broker = new KafkaBroker(dataDirectory.resolve("kafka"), new FreePorts().pair(), dataDirectory.resolve("kafka.log"));
        broker.start();
        send("delegate-7", "registered");
        assertThat(broker.residentMemoryBytes()).isGreaterThan(50L * 1024 * 1024);

        broker.kill();
        assertThat(broker.isRunning()).isFalse();
        assertThat(broker.residentMemoryBytes()).isZero();
        broker.start();

        assertThat(readAll()).containsExactly("delegate-7=registered");
    }

    @Test
    void explainsWhyItCouldNotStart() throws IOException {
        int port = new FreePorts().pair();
        try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            broker = new KafkaBroker(dataDirectory.resolve("kafka"), port, dataDirectory.resolve("kafka.log"));

            assertThatThrownBy(broker::start)
                    .isInstanceOf(PlatformStartupException.class)
                    .hasMessageContaining("exited with code")
                    .hasMessageContaining("Address already in use");
        }
    }

    private void send(String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    /** Reads the topic's only partition from the beginning, without a consumer group. */
    private List<String> readAll() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<String> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    records.add(record.key() + "=" + record.value());
                }
            }
            return records;
        }
    }
}
