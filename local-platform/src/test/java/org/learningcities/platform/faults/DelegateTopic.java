package org.learningcities.platform.faults;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code registration.delegates.v1} seen from outside the services: reads what registration-service published,
 * writes poison and redelivered records next to it, and reads the consumers' dead-letter topics.
 */
final class DelegateTopic {

    static final String NAME = "registration.delegates.v1";

    private final String bootstrapServers;

    DelegateTopic(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every DelegateRegistered record of these registrations, keyed by registration id, as published. */
    List<ConsumerRecord<byte[], byte[]>> registeredRecordsOf(Set<String> registrations) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(NAME));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (found.size() < registrations.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (registrations.contains(key(record))
                            && ExactlyOnceCheck.DELEGATE_REGISTERED.equals(header(record, "ce_type"))
                            && found.stream().noneMatch(earlier -> header(earlier, "ce_id").equals(header(record, "ce_id")))) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** Sends the very same records again (partition, key, value, CloudEvents headers), as a redelivery would. */
    List<RecordMetadata> redeliver(Collection<ConsumerRecord<byte[], byte[]>> records) throws Exception {
        List<RecordMetadata> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (ConsumerRecord<byte[], byte[]> original : records) {
                ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(NAME, original.partition(), original.key(),
                        original.value());
                original.headers().forEach(copy.headers()::add);
                sent.add(producer.send(copy).get());
            }
        }
        return sent;
    }

    /**
     * A record with the CloudEvents headers of {@code template} but a new event id and this payload: a poison message
     * that every consumer of DelegateRegistered picks up, fails on and must dead-letter.
     *
     * @return the new record's event id and where it landed
     */
    Poison publishPoison(ConsumerRecord<byte[], byte[]> template, int partition, String payload) throws Exception {
        String eventId = UUID.randomUUID().toString();
        ProducerRecord<byte[], byte[]> poison = new ProducerRecord<>(NAME, partition,
                ("poison-" + eventId).getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8));
        for (Header header : template.headers()) {
            if (!header.key().equals("ce_id") && !header.key().equals("traceparent")) {
                poison.headers().add(header);
            }
        }
        poison.headers().add(new RecordHeader("ce_id", eventId.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            return new Poison(eventId, producer.send(poison).get());
        }
    }

    /** The event ids in a consumer service's dead-letter topic for this topic. */
    List<String> deadLetteredEventIds(String service) {
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(NAME + "." + service + ".dlq"));
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> ids.add(header(record, "ce_id")));
            }
        }
        return ids;
    }

    /** Waits until the consumer group has committed past every one of these records, i.e. has handled them. */
    void awaitConsumed(String group, Collection<RecordMetadata> records) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await(group + " past the records").atMost(Duration.ofSeconds(90)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets(admin, group);
                return records.stream().allMatch(record -> {
                    OffsetAndMetadata offset = committed.get(new TopicPartition(record.topic(), record.partition()));
                    return offset != null && offset.offset() > record.offset();
                });
            });
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> committedOffsets(Admin admin, String group)
            throws ExecutionException, InterruptedException {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-probe-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A poison record: its event id and where it landed. */
    record Poison(String eventId, RecordMetadata position) {
    }
}
