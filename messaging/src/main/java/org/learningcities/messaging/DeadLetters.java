package org.learningcities.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.cloud.stream.binder.BindingCreatedEvent;
import org.springframework.context.ApplicationListener;

/**
 * {@code messaging.dead.letters}, tags {@code topic} (the consumed topic) and {@code consumer} (this service):
 * records that failed every attempt and were sent to their dead-letter topic. Each consumed topic's counter is
 * registered at 0 when its binding starts, so the first dead letter is an increase Prometheus can alert on
 * rather than a series that appears already at 1.
 */
class DeadLetters implements ApplicationListener<BindingCreatedEvent> {

    private final MeterRegistry meters;
    private final String consumer;

    DeadLetters(MeterRegistry meters, String consumer) {
        this.meters = meters;
        this.consumer = consumer;
    }

    void sentToDeadLetterTopic(String topic) {
        counter(topic).increment();
    }

    @Override
    public void onApplicationEvent(BindingCreatedEvent event) {
        if (event.getSource() instanceof Binding<?> binding && binding.isInput() && binding.getName() != null) {
            for (String topic : binding.getName().split(",")) {
                counter(topic.trim());
            }
        }
    }

    private Counter counter(String topic) {
        return Counter.builder("messaging.dead.letters")
                .description("Records that failed every attempt and were sent to their dead-letter topic")
                .tag("topic", topic)
                .tag("consumer", consumer)
                .register(meters);
    }
}
