package org.learningcities.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;
import org.learningcities.contracts.Topics;
import org.learningcities.testsupport.RealInfrastructure;
import org.learningcities.testsupport.TopicRecords;
import org.learningcities.testsupport.TopicRecords.Received;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay sends an event later, from its own thread; the trace the event was written in must still reach Kafka,
 * or every trace would end at the outbox. No tracing SDK here: the span is the one a request or consumer would have
 * made current, in OpenTelemetry's context, which is all the outbox reads.
 */
@SpringBootTest
class OutboxTraceContextTest {

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "messaging_test");
    }

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void sendsTheTraceTheEventWasWrittenInAsW3cTraceHeaders() {
        SpanContext writer = SpanContext.createFromRemoteParent("4bf92f3577b34da6a3ce929d0e0e4736",
                "00f067aa0ba902b7", TraceFlags.getSampled(),
                TraceState.builder().put("learningcities", "registration").build());

        UUID eventId;
        try (Scope scope = Span.wrap(writer).makeCurrent()) {
            eventId = transaction.execute(status -> outbox.publish(Samples.delegateRegistered()));
        }

        Received record = TopicRecords.awaitEvent(Topics.REGISTRATION_DELEGATES, eventId.toString());
        assertThat(record.headers())
                .containsEntry("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .containsEntry("tracestate", "learningcities=registration");
    }

    @Test
    void sendsNoTraceHeadersForAnEventWrittenOutsideATrace() {
        UUID eventId = transaction.execute(status -> outbox.publish(Samples.delegateRegistered()));

        Received record = TopicRecords.awaitEvent(Topics.REGISTRATION_DELEGATES, eventId.toString());
        assertThat(record.headers()).doesNotContainKeys("traceparent", "tracestate");
    }
}
