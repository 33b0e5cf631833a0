package org.learningcities.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a topic of the real test broker from the beginning, as an outside subscriber would. */
public final class TopicRecords {

    private TopicRecords() {
    }

    /** The first record on the topic that matches, waiting up to 60 s for it. */
    public static Received await(String topic, Predicate<Received> matching) {
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
                    Received received = Received.of(record);
                    if (matching.test(received)) {
                        return received;
                    }
                }
            }
        }
        throw new AssertionError("No matching record on " + topic + " within 60 s");
    }

    /** The first record carrying this CloudEvents id. */
    public static Received awaitEvent(String topic, String eventId) {
        return await(topic, record -> eventId.equals(record.headers().get("ce_id")));
    }

    /** A record with its key, value and headers decoded as UTF-8. */
    public record Received(String key, String value, Map<String, String> headers) {

        static Received of(ConsumerRecord<byte[], byte[]> record) {
            Map<String, String> headers = new HashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null : utf8(header.value()));
            }
            return new Received(record.key() == null ? null : utf8(record.key()),
                    record.value() == null ? null : utf8(record.value()), Map.copyOf(headers));
        }

        private static String utf8(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
