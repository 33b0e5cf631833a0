package org.learningcities.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three-broker cluster of {@link LocalPlatformOptions.Builder#kafkaBrokers(int)}, on real brokers. */
class KafkaClusterTest {

    private static final String TOPIC = "local-platform.cluster-check.v1";
    private static final int PARTITIONS = 3;

    @TempDir
    Path dataDirectory;

    @Test
    void keepsAcceptingAndServingRecordsWhileOneBrokerIsKilledAndTakesItBackAfterwards() throws Exception {
        try (LocalPlatform platform = LocalPlatform.start(LocalPlatformOptions.builder()
                .dataDirectory(dataDirectory)
                .freePorts()
                .kafkaBrokers(3)
                .infrastructureOnly()
                .build());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()));
             var producer = new KafkaProducer<>(Map.<String, Object>of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                     ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            assertThat(platform.kafkaBrokers()).hasSize(3).allMatch(KafkaBroker::isRunning);
            assertThat(platform.kafkaBootstrapServers().split(",")).hasSize(3);
            // The brokers' defaults decide: three replicas, two of them needed for an acknowledged write.
            admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(PARTITIONS), Optional.empty()))).all().get();
            // Every broker learns of the new topic a moment after the controller acknowledged it.
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
                assertThat(partitions(admin)).hasSize(PARTITIONS)
                        .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
                assertThat(minInsyncReplicas(admin)).isEqualTo("2");
            });
            send(producer, "before", 6);

            KafkaBroker leader = leaderOfFirstPartition(platform, admin);
            leader.kill();
            send(producer, "during", 6);

            assertThat(readAll(platform)).containsExactlyInAnyOrderElementsOf(
                    IntStream.range(0, 6).boxed().flatMap(i -> Set.of("before-" + i, "during-" + i).stream()).toList());
            leader.start();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(partitions(admin))
                    .allSatisfy(partition -> assertThat(partition.isr()).hasSize(3)));
        }
    }

    private static void send(KafkaProducer<String, String> producer, String prefix, int count)
            throws ExecutionException, InterruptedException {
        List<Future<?>> sends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sends.add(producer.send(new ProducerRecord<>(TOPIC, prefix + "-" + i, prefix + "-" + i)));
        }
        for (var send : sends) {
            send.get();
        }
    }

    private static List<TopicPartitionInfo> partitions(Admin admin) throws ExecutionException, InterruptedException {
        TopicDescription description = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
        return description.partitions();
    }

    private static String minInsyncReplicas(Admin admin) throws ExecutionException, InterruptedException {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
        return admin.describeConfigs(List.of(topic)).all().get().get(topic)
                .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value();
    }

    private static KafkaBroker leaderOfFirstPartition(LocalPlatform platform, Admin admin)
            throws ExecutionException, InterruptedException {
        int leaderId = partitions(admin).getFirst().leader().id();
        return platform.kafkaBrokers().stream().filter(broker -> broker.nodeId() == leaderId).findFirst().orElseThrow();
    }

    /** Reads every partition from the beginning to its end, without a consumer group. */
    private static List<String> readAll(LocalPlatform platform) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(TOPIC, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
            });
            return values;
        }
    }
}
