package org.learningcities.messaging;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;
import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.integration.kafka.outbound.KafkaProducerMessageHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.SimpleKafkaHeaderMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The messaging plumbing every service shares: outbox and relay, inbox, CloudEvents headers, dead letters. */
@AutoConfiguration
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    private static final List<String> CLOUD_EVENT_HEADERS = List.of(
            CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE, CloudEventHeaders.TIME,
            CloudEventHeaders.SUBJECT, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.CONTENT_TYPE,
            "traceparent", "tracestate");

    @Bean
    MessagingSchemaMigration messagingSchemaMigration(DataSource dataSource) {
        return new MessagingSchemaMigration(dataSource);
    }

    @Bean
    OutboxRelay outboxRelay(MessagingSchemaMigration schema, JdbcClient jdbc, PlatformTransactionManager transactions,
                            StreamBridge streamBridge, MessagingProperties properties) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactions), streamBridge, properties.outbox());
    }

    /**
     * Hands each send's outcome to the relay ({@link OutboxRelay#ACKNOWLEDGEMENTS}), so that it can send a whole batch
     * and then wait for the acknowledgements together instead of one round trip per event.
     */
    @Bean
    ProducerMessageHandlerCustomizer<KafkaProducerMessageHandler<?, ?>> outboxAcknowledgements() {
        return (producer, destination) -> producer.setFuturesChannel(OutboxRelay.ACKNOWLEDGEMENTS);
    }

    @Bean
    Outbox outbox(MessagingSchemaMigration schema, JdbcClient jdbc, JsonMapper json, OutboxRelay relay,
                  @Value("${spring.application.name}") String applicationName, ObjectProvider<Clock> clock) {
        return new Outbox(jdbc, json, relay, "/learningcities/" + applicationName,
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    Inbox inbox(MessagingSchemaMigration schema, JdbcClient jdbc, PlatformTransactionManager transactions,
                JsonMapper json, ObjectProvider<MeterRegistry> meters) {
        return new Inbox(jdbc, new TransactionTemplate(transactions), json, meterRegistry(meters));
    }

    /**
     * Only CloudEvents and trace headers go to Kafka, as plain UTF-8 strings (no Spring type hints),
     * so any Kafka client can read them; inbound they arrive as strings.
     */
    @Bean
    SimpleKafkaHeaderMapper cloudEventsHeaderMapper() {
        SimpleKafkaHeaderMapper mapper = new SimpleKafkaHeaderMapper(CLOUD_EVENT_HEADERS.toArray(String[]::new));
        mapper.setMapAllStringsOut(true);
        CLOUD_EVENT_HEADERS.forEach(header -> mapper.addRawMappedHeader(header, true));
        return mapper;
    }

    /**
     * One dead-letter topic per consumed topic and consuming service: {@code <topic>.<service>.dlq}. The binder
     * asks this resolver once for each record it dead-letters, just before sending it, so this is also where
     * {@code messaging.dead.letters} counts them.
     */
    @Bean
    DlqDestinationResolver deadLetterTopics(@Value("${spring.application.name}") String applicationName,
                                            DeadLetters deadLetters) {
        return (record, failure) -> {
            deadLetters.sentToDeadLetterTopic(record.topic());
            return record.topic() + "." + applicationName + ".dlq";
        };
    }

    /**
     * Every dead letter goes to partition 0. A dead-letter topic is created by the broker on first use, with one
     * partition in the local platform; the binder's default (the failed record's own partition) then fails for a
     * record from any other partition, and that record was neither handled nor dead-lettered (found by the poison
     * fault test, docs/reliability.md). Dead letters are read by people, not in key order, so one partition is enough.
     */
    @Bean
    DlqPartitionFunction deadLetterPartition() {
        return (group, record, failure) -> 0;
    }

    @Bean
    DeadLetters deadLetters(@Value("${spring.application.name}") String applicationName,
                            ObjectProvider<MeterRegistry> meters) {
        return new DeadLetters(meterRegistry(meters), applicationName);
    }

    /** The service's registry (its actuator's); without one, Micrometer's global registry keeps the code simple. */
    private static MeterRegistry meterRegistry(ObjectProvider<MeterRegistry> meters) {
        return meters.getIfAvailable(() -> Metrics.globalRegistry);
    }
}
