package org.learningcities.notification.webhooks;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

import org.learningcities.contracts.EventCatalog;
import org.learningcities.contracts.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fans public events out to the webhook subscriptions that want them. It reads every public topic in a
 * consumer group of its own ({@code notification-service-webhooks}): in the group of the service's other
 * bindings it would share their partitions instead of seeing every event.
 *
 * <p>Idempotent like {@link org.learningcities.messaging.Inbox}, whose inbox table it writes in the same
 * transaction as the queued deliveries; it does not use the Inbox itself because it forwards the event's JSON
 * untouched rather than a decoded record.
 */
@Configuration(proxyBeanMethods = false)
class PartnerEventFanOut {

    static final String CONSUMER = "notification-service.webhooks";

    private static final Logger log = LoggerFactory.getLogger(PartnerEventFanOut.class);

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final WebhookProperties settings;

    PartnerEventFanOut(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, JdbcClient jdbc,
                  PlatformTransactionManager transactions, JsonMapper json, WebhookProperties settings) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.settings = settings;
    }

    /** Whether partners may subscribe to this type: anything not on an internal (contact data) topic. */
    static boolean isPublic(EventType<?> type) {
        return !type.topic().contains(".internal.");
    }

    @Bean
    Consumer<Message<byte[]>> partnerEvents() {
        return this::receive;
    }

    void receive(Message<byte[]> message) {
        String id = CloudEventMessageUtils.getId(message);
        String type = CloudEventMessageUtils.getType(message);
        if (id == null || type == null) {
            // The service's other consumers of these topics dead-letter it; a second dead letter would add nothing.
            log.warn("Webhooks ignore a record without CloudEvents id or type; headers: {}",
                    message.getHeaders().keySet());
            return;
        }
        if (EventCatalog.byType(type).filter(PartnerEventFanOut::isPublic).isEmpty()
                || !subscriptions.anyActiveWants(type)) {
            return;
        }
        String document = structuredCloudEvent(message, id, type);
        transaction.executeWithoutResult(status -> {
            if (firstDelivery(id, type)) {
                int queued = deliveries.queue(id, type, document, settings.delayBefore(1));
                log.debug("Event {} ({}) queued for {} webhook subscriptions", id, type, queued);
            } else {
                log.info("Webhooks skip event {} ({}): already fanned out", id, type);
            }
        });
    }

    private boolean firstDelivery(String eventId, String type) {
        return jdbc.sql("""
                insert into messaging.inbox_event (consumer, event_id, event_type) values (?, ?, ?)
                on conflict (consumer, event_id) do nothing""")
                .params(CONSUMER, eventId, type)
                .update() == 1;
    }

    /** The event as a CloudEvents 1.0 JSON document (structured mode), its data the event's JSON as published. */
    private String structuredCloudEvent(Message<byte[]> message, String id, String type) {
        JsonNode data;
        try {
            data = json.readTree(message.getPayload());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Event " + id + " of type " + type + " is not JSON", e);
        }
        ObjectNode event = json.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("type", type);
        if (CloudEventMessageUtils.getSource(message) != null) {
            event.put("source", CloudEventMessageUtils.getSource(message).toString());
        }
        if (CloudEventMessageUtils.getSubject(message) != null) {
            event.put("subject", CloudEventMessageUtils.getSubject(message));
        }
        OffsetDateTime time = CloudEventMessageUtils.getTime(message);
        if (time != null) {
            event.put("time", DateTimeFormatter.ISO_INSTANT.format(time.toInstant()));
        }
        event.put("datacontenttype", "application/json");
        event.set("data", data);
        return json.writeValueAsString(event);
    }
}
