package org.learningcities.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Metrics of the messaging plumbing every service shares. The service's actuator binds the
 * {@link io.micrometer.core.instrument.binder.MeterBinder}s to its registry.
 * <ul>
 *   <li>{@code outbox.backlog}, {@code outbox.oldest.age}: {@link OutboxGauges};</li>
 *   <li>{@code inbox.duplicates.skipped}: counted by the {@link Inbox};</li>
 *   <li>{@code messaging.dead.letters}: {@link DeadLetters}, counted where the dead-letter topic is chosen
 *       ({@link MessagingAutoConfiguration#deadLetterTopics});</li>
 *   <li>Kafka client metrics, among them {@code kafka.consumer.fetch.manager.records.lag} per topic and
 *       partition, and {@code spring.cloud.stream.binder.kafka.offset} per group and topic: the Kafka binder
 *       binds them itself (a {@code MicrometerConsumerListener} on its consumer and producer factories)
 *       whenever the application has a {@link MeterRegistry}.</li>
 * </ul>
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
public class MessagingMetricsAutoConfiguration {

    @Bean
    OutboxGauges outboxGauges(MessagingSchemaMigration schema, JdbcClient jdbc) {
        return new OutboxGauges(jdbc);
    }

    /**
     * Kafka clients report every per-topic metric twice: under the topic's name and, deprecated, with its dots
     * replaced by underscores. The copy would double every sum of lag, so it is dropped. All platform topics
     * (see {@code Topics}) contain dots, so a topic tag with underscores and no dot can only be that copy.
     */
    @Bean
    MeterFilter kafkaDeprecatedTopicMetrics() {
        return MeterFilter.deny(id -> {
            String topic = id.getTag("topic");
            return id.getName().startsWith("kafka.") && topic != null && topic.indexOf('.') < 0
                    && topic.indexOf('_') >= 0;
        });
    }
}
