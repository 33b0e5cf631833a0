package org.learningcities.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.learningcities.contracts.EventCatalog;
import org.learningcities.contracts.EventType;
import org.learningcities.contracts.IntegrationEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes events to the real test broker exactly as another service's outbox relay would: a
 * binary-mode CloudEvent keyed by the aggregate id. Lets a service's tests play the other services.
 */
public final class TestEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestEvents() {
    }

    /** Publishes the event under a new id and returns that id. */
    public static String publish(IntegrationEvent event) {
        return publish(event, UUID.randomUUID().toString());
    }

    /** Publishes the event under the given id; publishing twice with one id is a redelivery. */
    public static String publish(IntegrationEvent event, String eventId) {
        return send(record(event, eventId), eventId);
    }

    /** Publishes the event inside a trace, as another service's outbox relay does: with a W3C traceparent header. */
    public static String publishInTrace(IntegrationEvent event, String traceparent) {
        String eventId = UUID.randomUUID().toString();
        ProducerRecord<byte[], byte[]> record = record(event, eventId);
        record.headers().add("traceparent", bytes(traceparent));
        return send(record, eventId);
    }

    private static ProducerRecord<byte[], byte[]> record(IntegrationEvent event, String eventId) {
        EventType<?> type = EventCatalog.of(event.getClass());
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(type.topic(), bytes(event.subject()),
                JSON.writeValueAsBytes(event));
        record.headers()
                .add("ce_id", bytes(eventId))
                .add("ce_source", bytes("/learningcities/test"))
                .add("ce_type", bytes(type.type()))
                .add("ce_time", bytes(Instant.now().toString()))
                .add("ce_subject", bytes(event.subject()))
                .add("ce_specversion", bytes("1.0"))
                .add("content-type", bytes("application/json"));
        return record;
    }

    /** Publishes arbitrary bytes with CloudEvents headers, e.g. a poison message. */
    public static String publishRaw(String topic, String key, String type, byte[] payload) {
        String eventId = UUID.randomUUID().toString();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, bytes(key), payload);
        record.headers().add("ce_id", bytes(eventId)).add("ce_type", bytes(type))
                .add("ce_specversion", bytes("1.0"));
        return send(record, eventId);
    }

    private static String send(ProducerRecord<byte[], byte[]> record, String eventId) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
            return eventId;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the test event", e.getCause());
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
