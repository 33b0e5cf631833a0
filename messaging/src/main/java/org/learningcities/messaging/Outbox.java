package org.learningcities.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
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
 * <p>
 * Each row keeps the trace it was written in (W3C {@code traceparent}/{@code tracestate}), because the relay sends it
 * later from its own thread, where the request's or consumer's trace is no longer current. Without this, every trace
 * would end at the insert and the consumers would start unrelated ones.
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
        Map<String, String> trace = currentTraceContext();
        jdbc.sql("""
                insert into messaging.outbox_event
                    (event_id, topic, message_key, event_type, source, occurred_at, payload, trace_parent, trace_state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(eventId, type.topic(), event.subject(), type.type(), source,
                        Timestamp.from(clock.instant()), json.writeValueAsString(event),
                        trace.get(CloudEventHeaders.TRACE_PARENT), trace.get(CloudEventHeaders.TRACE_STATE))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
        return eventId;
    }

    /**
     * The current span as W3C Trace Context values; empty when nothing is traced. Micrometer Tracing's OpenTelemetry
     * bridge keeps its current span in OpenTelemetry's context, so this sees the HTTP request's or the Kafka
     * consumer's span.
     */
    private static Map<String, String> currentTraceContext() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier;
    }
}
