package org.learningcities.interpretation.receivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.learningcities.contracts.EventCatalog;
import org.learningcities.contracts.Topics;
import org.learningcities.contracts.registration.DelegateRegistered;
import org.learningcities.interpretation.InterpretationIntegrationTest;
import org.learningcities.testsupport.RealKafka;
import org.learningcities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

class ReceiverDemandTest extends InterpretationIntegrationTest {

    private static final Duration KAFKA_PATIENCE = Duration.ofSeconds(60);
    private static final String DEAD_LETTERS = Topics.REGISTRATION_DELEGATES + ".interpretation-service.dlq";

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcClient jdbc;

    @Test
    void countsEachDelegateInEveryLanguageTheyListenIn() {
        String conference = newConference();

        TestEvents.publish(delegate(conference, List.of("zh", "en")));
        TestEvents.publish(delegate(conference, List.of("fr", "zh")));

        await().atMost(KAFKA_PATIENCE).untilAsserted(() -> assertThat(receivers(conference)).isEqualTo(
                new ReceiverDemand(conference, List.of(channel("en", 1), channel("fr", 1), channel("zh", 2)),
                        List.of())));
    }

    @Test
    void countsARedeliveredEventOnce() {
        String conference = newConference();
        DelegateRegistered delegate = delegate(conference, List.of("es"));
        String eventId = UUID.randomUUID().toString();
        // A later event about the same delegate travels the same partition, so once it counts, the
        // redelivery before it has been consumed too.
        DelegateRegistered later = delegate(delegate.registrationId(), conference, List.of("es", "ar"));

        TestEvents.publish(delegate, eventId);
        TestEvents.publish(delegate, eventId);
        TestEvents.publish(later);

        await().atMost(KAFKA_PATIENCE).untilAsserted(() -> assertThat(receivers(conference)).isEqualTo(
                new ReceiverDemand(conference, List.of(channel("ar", 1), channel("es", 1)), List.of())));
        assertThat(jdbc.sql("select count(*) from messaging.inbox_event where consumer = ? and event_id = ?")
                .params("interpretation-service.delegates", eventId).query(Integer.class).single()).isOne();
    }

    @Test
    void deadLettersAPoisonRecordAndGoesOnCounting() {
        String conference = newConference();
        DelegateRegistered next = delegate(conference, List.of("ru"));

        // Same key as the valid event, so both share a partition: the poison must not block it.
        String poisonId = TestEvents.publishRaw(Topics.REGISTRATION_DELEGATES, next.registrationId(),
                EventCatalog.DELEGATE_REGISTERED.type(), "{not json".getBytes(StandardCharsets.UTF_8));
        TestEvents.publish(next);

        ConsumerRecord<byte[], byte[]> deadLetter = awaitRecordWithEventId(DEAD_LETTERS, poisonId);
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        await().atMost(KAFKA_PATIENCE).untilAsserted(() -> assertThat(receivers(conference).channels())
                .containsExactly(channel("ru", 1)));
    }

    @Test
    void reportsNoChannelsAndNoSessionsForAConferenceWithoutDelegates() {
        String conference = newConference();

        assertThat(receivers(conference)).isEqualTo(new ReceiverDemand(conference, List.of(), List.of()));
    }

    private ReceiverDemand receivers(String conferenceId) {
        return http.get().uri("/api/conferences/{id}/interpretation/receivers", conferenceId).exchange()
                .expectStatus().isOk()
                .expectBody(ReceiverDemand.class).returnResult().getResponseBody();
    }

    private static String newConference() {
        return "beijing-2013-" + UUID.randomUUID();
    }

    private static DelegateRegistered delegate(String conferenceId, List<String> listeningLanguages) {
        return delegate("reg-" + UUID.randomUUID(), conferenceId, listeningLanguages);
    }

    private static DelegateRegistered delegate(String registrationId, String conferenceId,
                                               List<String> listeningLanguages) {
        return new DelegateRegistered(registrationId, conferenceId, "CITY_EDUCATION_EXECUTIVE", "CN",
                "ASIA_AND_THE_PACIFIC", "zh", listeningLanguages, null, "PENDING",
                Instant.parse("2013-07-01T08:00:00Z"));
    }

    private static ReceiverDemand.Channel channel(String language, int delegates) {
        return new ReceiverDemand.Channel(language, delegates);
    }

    private static ConsumerRecord<byte[], byte[]> awaitRecordWithEventId(String topic, String eventId) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            // Polled in the test thread: a KafkaConsumer must not be shared between threads.
            return await().atMost(KAFKA_PATIENCE).pollInSameThread()
                    .until(() -> recordWithEventId(consumer.poll(Duration.ofMillis(500)), eventId), Optional::isPresent)
                    .orElseThrow();
        }
    }

    private static Optional<ConsumerRecord<byte[], byte[]>> recordWithEventId(ConsumerRecords<byte[], byte[]> records,
                                                                              String eventId) {
        return StreamSupport.stream(records.spliterator(), false)
                .filter(record -> {
                    Header id = record.headers().lastHeader("ce_id");
                    return id != null && eventId.equals(new String(id.value(), StandardCharsets.UTF_8));
                })
                .findFirst();
    }
}
