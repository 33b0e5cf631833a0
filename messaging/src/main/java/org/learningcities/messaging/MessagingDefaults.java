package org.learningcities.messaging;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Binder settings every service needs for the delivery guarantees the platform promises. Added with
 * the lowest precedence, so a service's own configuration or the environment can still override them.
 */
class MessagingDefaults implements EnvironmentPostProcessor {

    private static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("spring.cloud.stream.kafka.binder.header-mapper-bean-name", "cloudEventsHeaderMapper"),
            // Durable, ordered, duplicate-free sends: every in-sync replica acknowledges; retries cannot reorder.
            Map.entry("spring.cloud.stream.kafka.binder.required-acks", "all"),
            Map.entry("spring.cloud.stream.kafka.binder.producer-properties.enable.idempotence", "true"),
            // Fail a send within seconds when the broker is away, so the relay backs off instead of hanging.
            Map.entry("spring.cloud.stream.kafka.binder.producer-properties.max.block.ms", "5000"),
            Map.entry("spring.cloud.stream.kafka.binder.producer-properties.request.timeout.ms", "5000"),
            Map.entry("spring.cloud.stream.kafka.binder.producer-properties.delivery.timeout.ms", "10000"),
            Map.entry("spring.cloud.stream.kafka.binder.min-partition-count", "6"),
            // The relay waits for each send's acknowledgement itself, after handing over the whole batch
            // (OutboxRelay): a synchronous binding would cost a broker round trip per event.
            Map.entry("spring.cloud.stream.kafka.default.producer.sync", "false"),
            // Kafka 4 clients wait up to 5 ms for more records before sending a batch; the relay hands over what
            // is waiting at once, and records arriving while a request is in flight batch up anyway. Waiting would
            // only add to every event's latency.
            Map.entry("spring.cloud.stream.kafka.binder.producer-properties.linger.ms", "0"),
            Map.entry("spring.cloud.stream.kafka.default.consumer.enable-dlq", "true"),
            Map.entry("spring.cloud.stream.kafka.default.consumer.start-offset", "earliest"),
            Map.entry("spring.cloud.stream.default.group", "${spring.application.name}"),
            Map.entry("spring.cloud.stream.default.consumer.max-attempts", "4"),
            Map.entry("spring.cloud.stream.default.consumer.back-off-initial-interval", "500"),
            Map.entry("spring.cloud.stream.default.consumer.back-off-multiplier", "2.0"),
            Map.entry("spring.cloud.stream.default.consumer.back-off-max-interval", "4000"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("messagingDefaults", DEFAULTS));
    }
}
