package org.learningcities.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.learningcities.contracts.EventCatalog;
import org.learningcities.contracts.Topics;
import org.learningcities.contracts.registration.DelegateRegistered;
import org.learningcities.testsupport.RealInfrastructure;
import org.learningcities.testsupport.RealKafka;
import org.learningcities.testsupport.TestEvents;
import org.learningcities.testsupport.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plumbing metrics move as the plumbing works. This test service has its own name, hence its own consumer
 * group, dead-letter topic and database: it gets every partition and the whole outbox to itself.
 */
@SpringBootTest(properties = {
        "spring.application.name=messaging-metrics-test",
        // Spring Boot's tests switch metrics export off; the Prometheus text is what dashboards and alerts read.
        "management.prometheus.metrics.export.enabled=true",
        // The binder measures the group's committed lag every minute by default; the test cannot wait that long.
        "spring.cloud.stream.kafka.binder.metrics.offset-lag-metrics-interval=1s"})
class PlumbingMetricsTest {

    private static final String SERVICE = "messaging-metrics-test";
    private static final String INBOX_CONSUMER = "messaging-test.delegates";
    private static final String BINDING = "delegateEvents-in-0";
    private static final Duration GAUGE_REFRESH = OutboxGauges.MAX_SNAPSHOT_AGE.plusSeconds(15);

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "messaging_metrics_test");
    }

    @Autowired
    MeterRegistry meters;
    @Autowired
    PrometheusMeterRegistry prometheus;
    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    DataSource dataSource;
    @Autowired
    List<ReceivedEvent<DelegateRegistered>> handledDelegateEvents;
    @Autowired
    BindingsLifecycleController bindings;

    @Test
    void outboxBacklogAndOldestAgeRiseWhileTheRelayIsHeldUpAndReturnToZeroOncePublished() throws Exception {
        try (Connection otherInstance = dataSource.getConnection()) {
            holdRelayLock(otherInstance);
            transaction.executeWithoutResult(status -> {
                outbox.publish(Samples.delegateRegistered());
                outbox.publish(Samples.delegateRegistered());
            });

            await().atMost(GAUGE_REFRESH).untilAsserted(() -> {
                assertThat(gauge("outbox.backlog")).isGreaterThanOrEqualTo(2);
                assertThat(gauge("outbox.oldest.age")).isGreaterThanOrEqualTo(1);
            });
            assertThat(prometheus.scrape()).containsPattern("(?m)^outbox_backlog(\\{[^}]*})? [1-9]")
                    .containsPattern("(?m)^outbox_oldest_age_seconds(\\{[^}]*})? [1-9]");

            otherInstance.rollback();
        }

        await().atMost(GAUGE_REFRESH).untilAsserted(() -> {
            assertThat(gauge("outbox.backlog")).isZero();
            assertThat(gauge("outbox.oldest.age")).isZero();
        });
    }

    @Test
    void countsARedeliveredEventAsASkippedDuplicateAndHandlesItOnce() {
        DelegateRegistered event = Samples.delegateRegistered();
        String eventId = UUID.randomUUID().toString();
        double before = duplicatesSkipped();

        TestEvents.publish(event, eventId);
        TestEvents.publish(event, eventId);

        await().untilAsserted(() -> assertThat(duplicatesSkipped()).isEqualTo(before + 1));
        assertThat(handledDelegateEvents).filteredOn(handled -> handled.id().equals(eventId)).hasSize(1);
        assertThat(prometheus.scrape())
                .contains("inbox_duplicates_skipped_total{consumer=\"" + INBOX_CONSUMER + "\"}");
    }

    @Test
    void countsAPoisonRecordAsADeadLetterOfItsTopicAndConsumerWhenItLandsOnTheDeadLetterTopic() {
        double before = deadLetters();

        String poisonId = TestEvents.publishRaw(Topics.REGISTRATION_DELEGATES, "reg-poison",
                EventCatalog.DELEGATE_REGISTERED.type(), "{not json".getBytes(StandardCharsets.UTF_8));

        TopicRecords.awaitEvent(Topics.REGISTRATION_DELEGATES + "." + SERVICE + ".dlq", poisonId);
        await().untilAsserted(() -> assertThat(deadLetters()).isEqualTo(before + 1));
        assertThat(prometheus.scrape()).containsPattern("messaging_dead_letters_total\\{consumer=\"" + SERVICE
                + "\",topic=\"" + Topics.REGISTRATION_DELEGATES + "\"} [1-9]");
    }

    @Test
    void reportsConsumerLagForEveryPartitionAndItReturnsToZeroOnceTheEventsAreConsumed() throws Exception {
        List<String> ids = IntStream.range(0, 12)
                .mapToObj(i -> TestEvents.publish(Samples.delegateRegistered()))
                .toList();
        await().untilAsserted(() -> assertThat(handledDelegateEvents)
                .extracting(ReceivedEvent::id).containsAll(ids));

        Set<String> partitions = partitionsOf(Topics.REGISTRATION_DELEGATES);
        // Kafka creates a partition's lag metric at its first fetch; Micrometer picks new ones up within a minute.
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Map<String, Double> lagByPartition = recordsLag(Topics.REGISTRATION_DELEGATES);
            assertThat(lagByPartition.keySet()).containsExactlyInAnyOrderElementsOf(partitions);
            assertThat(lagByPartition.values()).allSatisfy(lag -> assertThat(lag).isZero());
        });
        assertThat(prometheus.scrape()).containsPattern("(?m)^kafka_consumer_fetch_manager_records_lag\\{.*"
                + "partition=\"\\d+\".*topic=\"" + Topics.REGISTRATION_DELEGATES.replace(".", "\\.") + "\".*} 0")
                .doesNotContain("topic=\"" + Topics.REGISTRATION_DELEGATES.replace('.', '_') + "\"");
    }

    @Test
    void reportsTheLagOfAStoppedConsumerGroupAndItReturnsToZeroOnceTheConsumerCatchesUp() {
        bindings.stop(BINDING);
        try {
            for (int i = 0; i < 5; i++) {
                TestEvents.publish(Samples.delegateRegistered());
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(committedLag()).isGreaterThanOrEqualTo(5));
            assertThat(prometheus.scrape()).containsPattern("spring_cloud_stream_binder_kafka_offset\\{group=\"" + SERVICE
                    + "\",topic=\"" + Topics.REGISTRATION_DELEGATES.replace(".", "\\.") + "\"} [1-9]");
        } finally {
            bindings.start(BINDING);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(committedLag()).isZero());
    }

    private double committedLag() {
        return meters.get("spring.cloud.stream.binder.kafka.offset")
                .tags("group", SERVICE, "topic", Topics.REGISTRATION_DELEGATES).gauge().value();
    }

    private static void holdRelayLock(Connection connection) throws Exception {
        // What another instance of the service does while it relays: the relay here finds itself not the leader.
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_xact_lock(hashtext('messaging.outbox-relay'))");
        }
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private double duplicatesSkipped() {
        return meters.get("inbox.duplicates.skipped").tag("consumer", INBOX_CONSUMER).counter().count();
    }

    private double deadLetters() {
        // get, not find: the counter exists from the binding's start, before any dead letter.
        return meters.get("messaging.dead.letters")
                .tags("topic", Topics.REGISTRATION_DELEGATES, "consumer", SERVICE).counter().count();
    }

    private Map<String, Double> recordsLag(String topic) {
        return meters.find("kafka.consumer.fetch.manager.records.lag").tag("topic", topic).gauges().stream()
                .filter(gauge -> gauge.getId().getTag("partition") != null)
                .collect(Collectors.toMap(gauge -> gauge.getId().getTag("partition"), Gauge::value, Math::max));
    }

    private static Set<String> partitionsOf(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers()))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .map(partition -> String.valueOf(partition.partition()))
                    .collect(Collectors.toSet());
        }
    }
}
