package org.learningcities.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.learningcities.contracts.EventCatalog;
import org.learningcities.contracts.EventType;
import org.learningcities.contracts.IntegrationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records events in the caller's database transaction. They reach Kafka only after that
 * transaction commits, through {@link OutboxRelay}; if it rolls back, they never existed.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OutboxRelay relay;
    private final String source;
    private final Clock clock;

    Outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay, String source, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.relay = relay;
        this.source = source;
        this.clock = clock;
    }

    /** Must run inside the transaction that makes the state change the event reports. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID publish(IntegrationEvent event) {
        EventType<?> type = EventCatalog.of(event.getClass());
        UUID eventId = UUID.randomUUID();
        jdbc.sql("""
                insert into messaging.outbox_event
                    (event_id, topic, message_key, event_type, source, occurred_at, payload)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(eventId, type.topic(), event.subject(), type.type(), source,
                        Timestamp.from(clock.instant()), json.writeValueAsString(event))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
        return eventId;
    }
}
