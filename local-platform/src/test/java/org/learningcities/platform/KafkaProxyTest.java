package org.learningcities.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service's Kafka traffic through the {@link TcpProxy} of {@link LocalPlatformOptions.Builder#kafkaThroughProxy},
 * with a real broker and a real Kafka client in the service's place.
 */
class KafkaProxyTest {

    private static final String TOPIC = "local-platform.proxy-check.v1";
    private static final PlatformService PROXIED = PlatformService.REGISTRATION;

    @TempDir
    static Path dataDirectory;

    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = LocalPlatform.start(LocalPlatformOptions.builder()
                .dataDirectory(dataDirectory)
                .freePorts()
                .kafkaThroughProxy(PROXIED)
                .infrastructureOnly()
                .build());
    }

    @AfterAll
    static void closePlatform() {
        platform.close();
    }

    @AfterEach
    void restoreProxy() {
        platform.kafkaProxy(PROXIED).restore();
    }

    @Test
    void advertisesTheBrokerAtTheProxyToTheProxiedServiceOnly() throws Exception {
        String proxied = platform.options().kafkaBootstrapServers(PROXIED);

        assertThat(proxied).isEqualTo("localhost:" + platform.kafkaProxy(PROXIED).port());
        assertThat(clusterNodes(proxied)).extracting(Node::port).containsExactly(platform.kafkaProxy(PROXIED).port());
        assertThat(clusterNodes(platform.options().kafkaBootstrapServers(PlatformService.AGENDA)))
                .extracting(Node::port).containsExactly(platform.kafkaBroker().port());
    }

    @Test
    void failsSendsWhileCutAndDeliversThemOnceRestored() throws Exception {
        try (KafkaProducer<String, String> producer = proxiedProducer(Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000))) {
            send(producer, "before-cut").get(30, TimeUnit.SECONDS);

            platform.kafkaProxy(PROXIED).cut();

            assertThatThrownBy(() -> send(producer, "while-cut").get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
            platform.kafkaProxy(PROXIED).restore();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> send(producer, "after-cut").get(30, TimeUnit.SECONDS).hasOffset());
        }
    }

    @Test
    void holdsSendsBackWhileBlackholedAndDeliversThemOnceRestored() throws Exception {
        try (KafkaProducer<String, String> producer = proxiedProducer(Map.of())) {
            send(producer, "before-blackhole").get(30, TimeUnit.SECONDS);

            platform.kafkaProxy(PROXIED).blackhole();
            Future<RecordMetadata> held = send(producer, "while-blackholed");

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> !held.isDone());
            platform.kafkaProxy(PROXIED).restore();
            assertThat(held.get(30, TimeUnit.SECONDS).hasOffset()).isTrue();
        }
    }

    @Test
    void delaysEveryRoundTripByTheDelayInEachDirection() throws Exception {
        Duration delay = Duration.ofMillis(300);
        try (KafkaProducer<String, String> producer = proxiedProducer(Map.of())) {
            send(producer, "warm-up").get(30, TimeUnit.SECONDS);

            platform.kafkaProxy(PROXIED).delay(delay);
            long startedAt = System.nanoTime();
            send(producer, "delayed").get(30, TimeUnit.SECONDS);

            assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isGreaterThanOrEqualTo(delay.multipliedBy(2));
        }
    }

    private static Collection<Node> clusterNodes(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
        }
    }

    /** A producer as the proxied service would have, reconnecting quickly so a restored proxy is used soon. */
    private static KafkaProducer<String, String> proxiedProducer(Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.options().kafkaBootstrapServers(PROXIED),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
        config.putAll(overrides);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static Future<RecordMetadata> send(KafkaProducer<String, String> producer, String value) {
        return producer.send(new ProducerRecord<>(TOPIC, value));
    }
}
