package org.learningcities.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.learningcities.contracts.EventCatalog;
import org.learningcities.contracts.Topics;
import org.learningcities.contracts.registration.DelegateRegistered;
import org.learningcities.testsupport.RealInfrastructure;
import org.learningcities.testsupport.TestEvents;
import org.learningcities.testsupport.TopicRecords;
import org.learningcities.testsupport.TopicRecords.Received;
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

        Received record = TopicRecords.awaitEvent(Topics.REGISTRATION_DELEGATES, eventId.toString());
        assertThat(record.key()).isEqualTo(event.registrationId());
        assertThat(record.headers()).containsAllEntriesOf(Map.of(
                "ce_id", eventId.toString(),
                "ce_type", EventCatalog.DELEGATE_REGISTERED.type(),
                "ce_source", "/learningcities/messaging-test",
                "ce_subject", event.registrationId(),
                "ce_specversion", "1.0",
                "content-type", "application/json"));
        assertThat(record.headers()).containsKey("ce_time");
        assertThat(record.value())
                .contains("\"registrationId\":\"" + event.registrationId() + "\"")
                .contains("\"listeningLanguages\":[\"zh\",\"en\"]");
        await().untilAsserted(() -> assertThat(publishedAt(eventId)).isNotNull());
    }

    @Test
    void marksPublishedOnlyWhatKafkaAcknowledgedUpToTheFirstRefusedEvent() {
        DelegateRegistered first = Samples.delegateRegistered();
        // Larger than the producer's max.request.size (1 MB): the client refuses it, Kafka takes the others.
        DelegateRegistered tooLarge = withDelegationId(first, "x".repeat(1_100_000));
        DelegateRegistered after = Samples.delegateRegistered();

        List<UUID> ids = transaction.execute(status -> List.of(
                outbox.publish(first), outbox.publish(tooLarge), outbox.publish(after)));
        UUID refusedId = ids.get(1);
        UUID afterId = ids.get(2);
        try {
            TopicRecords.awaitEvent(Topics.REGISTRATION_DELEGATES, ids.getFirst().toString());
            await().until(() -> published(ids.getFirst()));
            // A second failed attempt means the relay went through the batch again since the first one.
            await().untilAsserted(() -> assertThat(jdbc.sql(
                            "select attempts, last_error from messaging.outbox_event where event_id = ?")
                    .param(refusedId).query((row, n) -> Map.entry(row.getInt(1), row.getString(2))).single())
                    .satisfies(refused -> {
                        assertThat(refused.getKey()).isGreaterThanOrEqualTo(2);
                        assertThat(refused.getValue()).contains("RecordTooLargeException");
                    }));
            assertThat(published(refusedId)).isFalse();
            assertThat(published(afterId)).isFalse();
        } finally {
            jdbc.sql("delete from messaging.outbox_event where event_id = ?").param(refusedId).update();
        }
        await().until(() -> published(afterId));
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
    void deadLettersAPoisonRecordAndGoesOnWithThePartition() {
        DelegateRegistered next = Samples.delegateRegistered();
        String poisonId = TestEvents.publishRaw(Topics.REGISTRATION_DELEGATES, next.registrationId(),
                EventCatalog.DELEGATE_REGISTERED.type(), "{not json".getBytes(StandardCharsets.UTF_8));
        UUID nextId = transaction.execute(status -> outbox.publish(next));

        Received deadLetter = TopicRecords.awaitEvent(Topics.REGISTRATION_DELEGATES + ".messaging-test.dlq", poisonId);
        assertThat(deadLetter.value()).isEqualTo("{not json");
        await().untilAsserted(() -> assertThat(handledDelegateEvents)
                .anySatisfy(handled -> assertThat(handled.id()).isEqualTo(nextId.toString())));
    }

    private static DelegateRegistered withDelegationId(DelegateRegistered event, String delegationId) {
        return new DelegateRegistered(event.registrationId(), event.conferenceId(), event.category(),
                event.countryCode(), event.region(), event.correspondenceLanguage(), event.listeningLanguages(),
                delegationId, event.status(), event.registeredAt());
    }

    private boolean published(UUID eventId) {
        return jdbc.sql("select published_at is not null from messaging.outbox_event where event_id = ?")
                .param(eventId).query(Boolean.class).single();
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
}
