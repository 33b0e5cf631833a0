package org.learningcities.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes consumers idempotent: an event's effect and the inbox row (consumer, event id) commit in one
 * transaction, so a redelivered event finds its row and is skipped. A handler that throws rolls both
 * back; the binder then retries with backoff and finally dead-letters the record.
 */
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final MeterRegistry meters;

    Inbox(JdbcClient jdbc, TransactionTemplate transaction, JsonMapper json, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        this.meters = meters;
    }

    /** A Spring Cloud Stream consumer that hands each new event to its handler exactly once. */
    public Consumer<Message<byte[]>> consumer(String consumerName, EventHandlers handlers) {
        // Registered up front, so the series exists at 0 and a first duplicate shows as an increase.
        Counter duplicates = Counter.builder("inbox.duplicates.skipped")
                .description("Redelivered events the inbox recognised as already handled and skipped")
                .tag("consumer", consumerName)
                .register(meters);
        return message -> receive(consumerName, handlers, message, duplicates);
    }

    private void receive(String consumerName, EventHandlers handlers, Message<byte[]> message, Counter duplicates) {
        // Spring Cloud Function may rename ce_* to ce-* on the way in; its utilities read either form.
        String id = required("id", CloudEventMessageUtils.getId(message), message);
        String type = required("type", CloudEventMessageUtils.getType(message), message);
        Optional<EventHandlers.Handler<?>> handler = handlers.forType(type);
        if (handler.isEmpty()) {
            log.debug("{} ignores event {} of type {}", consumerName, id, type);
            return;
        }
        Object payload = decode(message.getPayload(), handler.get(), id);
        String subject = CloudEventMessageUtils.getSubject(message);
        Instant time = time(message, id);
        boolean handled = Boolean.TRUE.equals(transaction.execute(status -> {
            if (firstDelivery(consumerName, id, type)) {
                handler.get().handle(id, subject, time, payload);
                return true;
            }
            return false;
        }));
        if (!handled) {
            log.info("{} skips event {} ({}): already processed", consumerName, id, type);
            duplicates.increment();
        }
    }

    private boolean firstDelivery(String consumerName, String eventId, String type) {
        return jdbc.sql("""
                insert into messaging.inbox_event (consumer, event_id, event_type) values (?, ?, ?)
                on conflict (consumer, event_id) do nothing""")
                .params(consumerName, eventId, type)
                .update() == 1;
    }

    private Object decode(byte[] payload, EventHandlers.Handler<?> handler, String id) {
        try {
            return json.readValue(payload, handler.type().payloadClass());
        } catch (JacksonException e) {
            throw new UnreadableEventException("Event " + id + " is not a valid " + handler.type().type(), e);
        }
    }

    private static Instant time(Message<byte[]> message, String id) {
        try {
            OffsetDateTime time = CloudEventMessageUtils.getTime(message);
            return time == null ? null : time.toInstant();
        } catch (RuntimeException e) {
            throw new UnreadableEventException("Event " + id + " has an invalid time attribute", e);
        }
    }

    private static String required(String attribute, String value, Message<byte[]> message) {
        if (value == null || value.isBlank()) {
            throw new UnreadableEventException("Record without CloudEvents attribute " + attribute + "; headers: "
                    + message.getHeaders().keySet(), null);
        }
        return value;
    }
}
