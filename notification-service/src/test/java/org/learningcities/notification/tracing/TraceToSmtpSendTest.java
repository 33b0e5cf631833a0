package org.learningcities.notification.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learningcities.notification.NotificationServiceTest;
import org.learningcities.notification.TestDelegate;
import org.learningcities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * A registration's trace reaches the SMTP server: the event arrives with a W3C traceparent (as registration-service's
 * outbox relay sends it), the consumer continues it, the queued notification keeps it, and the dispatcher's send
 * runs in it. Finished spans are collected at the exporter edge, where an OTLP exporter would otherwise take them.
 */
@Import(TraceToSmtpSendTest.CollectedSpans.class)
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "management.opentelemetry.tracing.export.schedule-delay=100ms")
class TraceToSmtpSendTest extends NotificationServiceTest {

    @Autowired
    private InMemorySpanExporter spans;

    @Test
    void sendsTheEmailInsideTheTraceOfTheEventThatCausedIt() {
        TestDelegate delegate = TestDelegate.named("Amara", "Diallo", "fr");
        TestEvents.publish(delegate.conference());
        TestEvents.publish(delegate.contact());
        String traceId = hex(16);
        String callerSpanId = hex(8);

        String eventId = TestEvents.publishInTrace(delegate.registered(), "00-" + traceId + "-" + callerSpanId + "-01");
        awaitEmailCausedBy(delegate.email(), eventId);

        SpanData smtpSend = await().until(() -> finished(traceId, "smtp send"), found -> !found.isEmpty()).getFirst();
        assertThat(smtpSend.getKind()).isEqualTo(SpanKind.CLIENT);
        List<SpanData> trace = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId)).toList();
        SpanData delivery = parentOf(smtpSend, trace);
        assertThat(delivery.getName()).isEqualTo("notification delivery");
        assertThat(delivery.getAttributes().asMap().toString()).contains("EMAIL");
        List<SpanData> handling = ancestors(delivery, trace);
        assertThat(handling).isNotEmpty();
        assertThat(handling).as("the Kafka consumer's handling of the event, up to the span that published it")
                .anySatisfy(span -> assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER));
        assertThat(handling.getLast().getParentSpanId()).isEqualTo(callerSpanId);
    }

    @Test
    void logsAFailedSendAsJsonCarryingTheTraceIdOfTheEventThatCausedIt(CapturedOutput output) {
        TestDelegate delegate = TestDelegate.named("Kofi", "Mensah", "en");
        TestEvents.publish(delegate.conference());
        TestEvents.publish(delegate.contact());
        String traceId = hex(16);
        mailServer.stop();
        try {
            TestEvents.publishInTrace(delegate.registered(), "00-" + traceId + "-" + hex(8) + "-01");

            await().untilAsserted(() -> assertThat(output.getOut().lines()
                    .filter(line -> line.contains("not sent (attempt")))
                    .as("the dispatcher's retry warning, one JSON object per line")
                    .anySatisfy(line -> assertThat(line).startsWith("{").contains("\"traceId\":\"" + traceId + "\"")));
        } finally {
            mailServer.start();
        }
    }

    /** The spans above this one in its trace, nearest first, as far as they were recorded here. */
    private static List<SpanData> ancestors(SpanData span, List<SpanData> trace) {
        List<SpanData> ancestors = new ArrayList<>();
        Optional<SpanData> parent = parent(span, trace);
        while (parent.isPresent()) {
            ancestors.add(parent.get());
            parent = parent(parent.get(), trace);
        }
        return ancestors;
    }

    private List<SpanData> finished(String traceId, String name) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId) && span.getName().equals(name)).toList();
    }

    private static SpanData parentOf(SpanData child, List<SpanData> trace) {
        return parent(child, trace)
                .orElseThrow(() -> new AssertionError("parent of " + child.getName() + " not in trace " + trace));
    }

    private static Optional<SpanData> parent(SpanData child, List<SpanData> trace) {
        return trace.stream().filter(span -> span.getSpanId().equals(child.getParentSpanId())).findFirst();
    }

    private static String hex(int bytes) {
        StringBuilder hex = new StringBuilder();
        ThreadLocalRandom.current().ints(bytes, 0, 256).forEach(b -> hex.append(String.format("%02x", b)));
        return hex.toString();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class CollectedSpans {

        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }
}
