package org.learningcities.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MimeTypeUtils;

/**
 * Sends committed outbox rows to Kafka in the order they were written, and marks a row published only after Kafka
 * acknowledged it. A batch is handed to the producer at once and its acknowledgements awaited together, so a batch
 * costs about one round trip to the broker rather than one per event; the idempotent producer keeps the records of a
 * partition in order even with several requests in flight. The first send that fails ends the batch: the rows before
 * it are marked published, it and every later row stay in the outbox, even when Kafka took a later one (sending that
 * again is a duplicate the consumers' inbox skips), and the batch is retried with backoff until Kafka takes it.
 * One relay runs at a time across all instances of a service (a PostgreSQL advisory lock), which keeps per-aggregate
 * order without coordinating partitions.
 * <p>
 * Each record carries the trace its event was written in as the headers {@code traceparent}/{@code tracestate}.
 * That context is also made current around the send, so when the binder observes its producer, the producer span is
 * a child of the original trace (and replaces the header with its own span id, same trace id).
 */
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /**
     * Where the binder's producer hands over each send's outcome: it completes the acknowledgement the relay put on
     * the message as its future token. {@link MessagingAutoConfiguration} plugs it into every Kafka producer binding.
     */
    static final MessageChannel ACKNOWLEDGEMENTS = (sendOutcome, timeout) -> {
        @SuppressWarnings("unchecked")
        CompletableFuture<Object> acknowledgement = (CompletableFuture<Object>) sendOutcome.getHeaders()
                .get(KafkaIntegrationHeaders.FUTURE_TOKEN);
        ((CompletableFuture<?>) sendOutcome.getPayload()).whenComplete((result, failure) -> {
            if (failure == null) {
                acknowledgement.complete(result);
            } else {
                acknowledgement.completeExceptionally(failure);
            }
        });
        return true;
    };

    /**
     * The producer answers every send within its delivery.timeout.ms (10 s, {@link MessagingDefaults}); waiting
     * longer only guards against an acknowledgement that never comes, which counts as a failed send.
     */
    private static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final StreamBridge streamBridge;
    private final MessagingProperties.Outbox settings;
    private final Semaphore wakeUps = new Semaphore(0);

    private volatile boolean running;
    private Thread worker;
    private Instant lastCleanup = Instant.EPOCH;

    OutboxRelay(JdbcClient jdbc, TransactionTemplate transaction, StreamBridge streamBridge,
                MessagingProperties.Outbox settings) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.streamBridge = streamBridge;
        this.settings = settings;
    }

    /** Called after a transaction that wrote outbox rows commits, so events leave without waiting for the poll. */
    void wakeUp() {
        wakeUps.release();
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::relayUntilStopped);
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        try {
            worker.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start after the bindings and stop before them, so the last sends still find a producer. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void relayUntilStopped() {
        Duration backoff = Duration.ZERO;
        while (running) {
            Outcome outcome;
            try {
                outcome = relayBatch();
            } catch (RuntimeException e) {
                log.warn("Outbox relay cannot reach its database; retrying", e);
                outcome = Outcome.FAILED;
            }
            switch (outcome) {
                case MORE_WAITING -> backoff = Duration.ZERO;
                case DRAINED, NOT_LEADER -> {
                    backoff = Duration.ZERO;
                    removeOldPublishedEvents();
                    awaitWakeUp(settings.pollInterval());
                }
                case FAILED -> {
                    backoff = nextBackoff(backoff);
                    sleep(backoff);
                }
            }
        }
    }

    private Outcome relayBatch() {
        return transaction.execute(status -> {
            Boolean leader = jdbc.sql("select pg_try_advisory_xact_lock(hashtext('messaging.outbox-relay'))")
                    .query(Boolean.class).single();
            if (!leader) {
                return Outcome.NOT_LEADER;
            }
            List<PendingEvent> batch = jdbc.sql("""
                    select position, event_id, topic, message_key, event_type, source, occurred_at, payload,
                           trace_parent, trace_state
                    from messaging.outbox_event
                    where published_at is null
                    order by position
                    limit ?""")
                    .param(settings.batchSize())
                    .query(PendingEvent.class)
                    .list();
            List<InFlight> inFlight = new ArrayList<>(batch.size());
            for (PendingEvent event : batch) {
                try (Scope trace = event.traceContext().makeCurrent()) {
                    CompletableFuture<Object> acknowledgement = new CompletableFuture<>();
                    streamBridge.send(event.topic(), toMessage(event, acknowledgement));
                    inFlight.add(new InFlight(event, acknowledgement));
                } catch (RuntimeException e) {
                    // Refused before it left (no metadata for the topic within max.block.ms): later rows wait.
                    inFlight.add(new InFlight(event, CompletableFuture.failedFuture(e)));
                    break;
                }
            }
            List<Long> acknowledged = new ArrayList<>(inFlight.size());
            for (InFlight send : inFlight) {
                Throwable failure = failureOf(send.acknowledgement());
                if (failure != null) {
                    recordFailure(send.event(), failure);
                    markPublished(acknowledged);
                    return Outcome.FAILED;
                }
                acknowledged.add(send.event().position());
            }
            markPublished(acknowledged);
            return batch.size() == settings.batchSize() ? Outcome.MORE_WAITING : Outcome.DRAINED;
        });
    }

    /** Waits for Kafka's answer to one send: null when it took the record, else why not. */
    private Throwable failureOf(CompletableFuture<Object> acknowledgement) {
        try {
            acknowledgement.get(ACKNOWLEDGEMENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return new IllegalStateException("No acknowledgement from Kafka within " + ACKNOWLEDGEMENT_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return e;
        }
    }

    private static Message<byte[]> toMessage(PendingEvent event, CompletableFuture<Object> acknowledgement) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(event.payload().getBytes(StandardCharsets.UTF_8));
        if (event.traceParent() != null) {
            message.setHeader(CloudEventHeaders.TRACE_PARENT, event.traceParent());
        }
        if (event.traceState() != null) {
            message.setHeader(CloudEventHeaders.TRACE_STATE, event.traceState());
        }
        return message
                .setHeader(KafkaHeaders.KEY, event.messageKey().getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.ID, event.eventId().toString())
                .setHeader(CloudEventHeaders.SOURCE, event.source())
                .setHeader(CloudEventHeaders.TYPE, event.eventType())
                .setHeader(CloudEventHeaders.TIME, event.occurredAt().toInstant().toString())
                .setHeader(CloudEventHeaders.SUBJECT, event.messageKey())
                .setHeader(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0)
                .setHeader(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON)
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                // Stays in the process: the producer removes it from the record and hands it to ACKNOWLEDGEMENTS.
                .setHeader(KafkaIntegrationHeaders.FUTURE_TOKEN, acknowledgement)
                .build();
    }

    private void markPublished(List<Long> positions) {
        if (!positions.isEmpty()) {
            jdbc.sql("update messaging.outbox_event set published_at = now(), attempts = attempts + 1 "
                            + "where position = any(?)")
                    .param(positions.toArray(Long[]::new))
                    .update();
        }
    }

    private void recordFailure(PendingEvent event, Throwable failure) {
        log.warn("Kafka did not take event {} ({}) for topic {}; it stays in the outbox and will be resent: {}",
                event.eventId(), event.eventType(), event.topic(), rootMessage(failure));
        jdbc.sql("update messaging.outbox_event set attempts = attempts + 1, last_error = ? where position = ?")
                .params(rootMessage(failure), event.position())
                .update();
    }

    private void removeOldPublishedEvents() {
        Instant now = Instant.now();
        if (Duration.between(lastCleanup, now).compareTo(Duration.ofMinutes(1)) < 0) {
            return;
        }
        lastCleanup = now;
        int removed = jdbc.sql("delete from messaging.outbox_event where published_at < ?")
                .param(Timestamp.from(now.minus(settings.retention())))
                .update();
        if (removed > 0) {
            log.debug("Removed {} published outbox events older than {}", removed, settings.retention());
        }
    }

    private Duration nextBackoff(Duration previous) {
        Duration doubled = previous.isZero() ? settings.initialBackoff() : previous.multipliedBy(2);
        return doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
    }

    private void awaitWakeUp(Duration timeout) {
        try {
            if (wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private enum Outcome { MORE_WAITING, DRAINED, NOT_LEADER, FAILED }

    private record InFlight(PendingEvent event, CompletableFuture<Object> acknowledgement) {
    }

    record PendingEvent(long position, java.util.UUID eventId, String topic, String messageKey, String eventType,
                        String source, Timestamp occurredAt, String payload, String traceParent, String traceState) {

        /** The trace the event was written in; the root context (no trace) when none was captured or it is invalid. */
        Context traceContext() {
            return W3CTraceContextPropagator.getInstance().extract(Context.root(), this, STORED_TRACE);
        }
    }

    private static final TextMapGetter<PendingEvent> STORED_TRACE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(PendingEvent event) {
            return List.of(CloudEventHeaders.TRACE_PARENT, CloudEventHeaders.TRACE_STATE);
        }

        @Override
        public String get(PendingEvent event, String key) {
            if (event == null) {
                return null;
            }
            return switch (key) {
                case CloudEventHeaders.TRACE_PARENT -> event.traceParent();
                case CloudEventHeaders.TRACE_STATE -> event.traceState();
                default -> null;
            };
        }
    };
}
