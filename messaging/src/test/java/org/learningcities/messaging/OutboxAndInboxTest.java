package org.learningcities.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.learningcities.contracts.EventCatalog;
import org.learningcities.contracts.Topics;
import org.learningcities.contracts.registration.DelegateRegistered;
import org.learningcities.testsupport.RealInfrastructure;
import org.learningcities.testsupport.RealKafka;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class OutboxAndInboxTest {

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "messaging_test");
    }

    @Autowired
    Outbox outbox;
    @Autowired
    Inbox inbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<ReceivedEvent<DelegateRegistered>> handledDelegateEvents;

    @Test
    void relaysACommittedEventAsABinaryModeCloudEventKeyedByItsAggregate() {
        DelegateRegistered event = Samples.delegateRegistered();

        UUID eventId = transaction.execute(status -> outbox.publish(event));

        ConsumerRecord<byte[], byte[]> record = awaitRecord(Topics.REGISTRATION_DELEGATES, eventId.toString());
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(event.registrationId());
        assertThat(headers(record)).containsAllEntriesOf(Map.of(
                "ce_id", eventId.toString(),
                "ce_type", EventCatalog.DELEGATE_REGISTERED.type(),
                "ce_source", "/learningcities/messaging-test",
                "ce_subject", event.registrationId(),
                "ce_specversion", "1.0",
                "content-type", "application/json"));
        assertThat(headers(record)).containsKey("ce_time");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .contains("\"registrationId\":\"" + event.registrationId() + "\"")
                .contains("\"listeningLanguages\":[\"zh\",\"en\"]");
        await().untilAsserted(() -> assertThat(publishedAt(eventId)).isNotNull());
    }

    @Test
    void forgetsTheEventsOfARolledBackTransaction() {
        List<UUID> published = new ArrayList<>();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            published.add(outbox.publish(Samples.delegateRegistered()));
            throw new IllegalStateException("the state change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.sql("select count(*) from messaging.outbox_event where event_id = ?")
                .param(published.getFirst()).query(Integer.class).single()).isZero();
    }

    @Test
    void refusesToPublishOutsideATransaction() {
        assertThatThrownBy(() -> outbox.publish(Samples.delegateRegistered()))
                .hasMessageContaining("transaction");
    }

    @Test
    void handlesAnEventPublishedByAnotherServiceExactlyOnceThroughTheBinder() {
        DelegateRegistered event = Samples.delegateRegistered();

        UUID eventId = transaction.execute(status -> outbox.publish(event));

        await().untilAsserted(() -> assertThat(handledDelegateEvents)
                .anySatisfy(handled -> {
                    assertThat(handled.id()).isEqualTo(eventId.toString());
                    assertThat(handled.payload()).isEqualTo(event);
                    assertThat(handled.subject()).isEqualTo(event.registrationId());
                }));
    }

    @Test
    void skipsARedeliveredEvent() {
        List<String> effects = new ArrayList<>();
        var consumer = inbox.consumer("redelivery-test", EventHandlers.builder()
                .on(EventCatalog.DELEGATE_REGISTERED, received -> effects.add(received.payload().registrationId()))
                .build());
        Message<byte[]> message = cloudEvent(UUID.randomUUID().toString(), Samples.delegateRegistered());

        consumer.accept(message);
        consumer.accept(message);

        assertThat(effects).hasSize(1);
    }

    @Test
    void processesAgainAfterAFailedAttemptBecauseTheInboxRowRolledBackWithIt() {
        List<String> effects = new ArrayList<>();
        boolean[] failNext = {true};
        var consumer = inbox.consumer("failure-test", EventHandlers.builder()
                .on(EventCatalog.DELEGATE_REGISTERED, received -> {
                    if (failNext[0]) {
                        failNext[0] = false;
                        throw new IllegalStateException("database hiccup");
                    }
                    effects.add(received.id());
                })
                .build());
        Message<byte[]> message = cloudEvent(UUID.randomUUID().toString(), Samples.delegateRegistered());

        assertThatThrownBy(() -> consumer.accept(message)).hasMessage("database hiccup");
        consumer.accept(message);

        assertThat(effects).hasSize(1);
    }

    @Test
    void deadLettersAPoisonRecordAndGoesOnWithThePartition() throws Exception {
        DelegateRegistered next = Samples.delegateRegistered();
        String poisonId = UUID.randomUUID().toString();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            ProducerRecord<byte[], byte[]> poison = new ProducerRecord<>(Topics.REGISTRATION_DELEGATES,
                    next.registrationId().getBytes(StandardCharsets.UTF_8), "{not json".getBytes(StandardCharsets.UTF_8));
            poison.headers().add("ce_id", poisonId.getBytes(StandardCharsets.UTF_8));
            poison.headers().add("ce_type", EventCatalog.DELEGATE_REGISTERED.type().getBytes(StandardCharsets.UTF_8));
            producer.send(poison).get();
        }
        UUID nextId = transaction.execute(status -> outbox.publish(next));

        ConsumerRecord<byte[], byte[]> deadLetter =
                awaitRecord(Topics.REGISTRATION_DELEGATES + ".messaging-test.dlq", poisonId);
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        await().untilAsserted(() -> assertThat(handledDelegateEvents)
                .anySatisfy(handled -> assertThat(handled.id()).isEqualTo(nextId.toString())));
    }

    private Object publishedAt(UUID eventId) {
        return jdbc.sql("select published_at from messaging.outbox_event where event_id = ?")
                .param(eventId).query().singleValue();
    }

    static Message<byte[]> cloudEvent(String id, DelegateRegistered event) {
        String json = "{\"registrationId\":\"" + event.registrationId() + "\",\"conferenceId\":\"c\",\"category\":\"MAYOR\","
                + "\"countryCode\":\"CN\",\"region\":\"ASIA_AND_THE_PACIFIC\",\"correspondenceLanguage\":\"zh\","
                + "\"listeningLanguages\":[\"zh\"],\"delegationId\":null,\"status\":\"PENDING\","
                + "\"registeredAt\":\"2013-07-01T08:00:00Z\"}";
        return MessageBuilder.withPayload(json.getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_id", id)
                .setHeader("ce_type", EventCatalog.DELEGATE_REGISTERED.type())
                .setHeader("ce_subject", event.registrationId())
                .build();
    }

    static ConsumerRecord<byte[], byte[]> awaitRecord(String topic, String ceId) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (ceId.equals(headers(record).get("ce_id"))) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No record with ce_id " + ceId + " on " + topic);
    }

    static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new java.util.HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers());
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
