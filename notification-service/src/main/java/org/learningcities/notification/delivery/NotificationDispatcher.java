package org.learningcities.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.learningcities.contracts.notification.NotificationFailed;
import org.learningcities.messaging.Outbox;
import org.learningcities.notification.delivery.metrics.DeliveryMetrics;
import org.learningcities.notification.messages.ComposedMessage;
import org.learningcities.notification.messages.MessageComposer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due notifications, one channel per scheduled loop so a slow SMS provider never holds up e-mail.
 * A temporary failure is retried with exponential backoff; a permanent one, or the last allowed attempt,
 * marks the notification FAILED and publishes NotificationFailed in the same transaction.
 */
@Component
class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    /** Bounds one run, so stopping the service never waits behind a long backlog; the next run goes on with it. */
    private static final int PER_RUN = 100;
    private static final int MAX_ERROR_LENGTH = 2000;

    private final Notifications notifications;
    private final MessageComposer composer;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final DeliveryProperties settings;
    private final TransactionTemplate transaction;
    private final Outbox outbox;
    private final DeliveryMetrics deliveryMetrics;
    private final Tracer tracer;
    private final Propagator propagator;
    private final Clock clock;

    NotificationDispatcher(Notifications notifications, MessageComposer composer, List<ChannelSender> senders,
                           DeliveryProperties settings, PlatformTransactionManager transactions, Outbox outbox,
                           DeliveryMetrics deliveryMetrics, ObjectProvider<Tracer> tracer,
                           ObjectProvider<Propagator> propagator) {
        this.notifications = notifications;
        this.composer = composer;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.outbox = outbox;
        this.deliveryMetrics = deliveryMetrics;
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
        this.clock = Clock.systemUTC();
    }

    @Scheduled(fixedDelayString = "${notification.delivery.poll-interval:500ms}")
    void sendDueEmails() {
        sendDue(Channel.EMAIL);
    }

    @Scheduled(fixedDelayString = "${notification.delivery.poll-interval:500ms}")
    void sendDueTextMessages() {
        sendDue(Channel.SMS);
    }

    @Scheduled(fixedDelayString = "${notification.delivery.poll-interval:500ms}")
    void sendDueInAppMessages() {
        sendDue(Channel.IN_APP);
    }

    private void sendDue(Channel channel) {
        ChannelSender sender = senders.get(channel);
        if (sender == null) {
            return;
        }
        int handled = 0;
        while (handled < PER_RUN && sendNextDue(channel, sender)) {
            handled++;
        }
    }

    /**
     * One notification per transaction: its row stays locked only while its own message is handed over.
     * Should the commit fail after the channel took the message, it is sent again later: delivery is at
     * least once, and the notification id travels with it (e-mail header, SMS Idempotency-Key) to spot the repeat.
     */
    private boolean sendNextDue(Channel channel, ChannelSender sender) {
        return Boolean.TRUE.equals(transaction.execute(status -> notifications.lockNextDue(channel)
                .map(due -> {
                    inCausingTrace(due, () -> deliver(due, sender));
                    return true;
                })
                .orElse(false)));
    }

    /**
     * Runs the delivery in a span continuing the trace the notification was queued in (not the dispatcher loop's),
     * so the send, and a NotificationFailed it may publish, belong to the trace of the event that caused it.
     */
    private void inCausingTrace(DueNotification due, Runnable delivery) {
        Span span = propagator.extract(due.trace(), CausingTrace::header)
                .name("notification delivery")
                .tag("notification.channel", due.channel().name())
                .tag("notification.id", due.id().toString())
                .start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            delivery.run();
        } catch (RuntimeException failure) {
            span.error(failure);
            throw failure;
        } finally {
            span.end();
        }
    }

    private void deliver(DueNotification due, ChannelSender sender) {
        ComposedMessage composed;
        DeliveryOutcome outcome;
        try {
            composed = composer.compose(due.letter());
            outcome = sender.send(new OutgoingMessage(due.id(), due.channel(), due.letter().recipient().id(),
                    composed.recipientName(), due.email(), due.phone(), composed.language(), composed.subject(),
                    composed.body(), composed.shortText(), composed.attachments(), due.letter().critical()));
        } catch (RuntimeException failure) {
            // A text missing for a new template or a broken argument: a fix deployed meanwhile lets a retry succeed.
            composed = null;
            outcome = new DeliveryOutcome.TemporaryFailure(failure.getClass().getSimpleName() + ": " + failure.getMessage());
        }
        String language = composed == null ? null : composed.language();
        switch (outcome) {
            case DeliveryOutcome.Delivered delivered -> {
                notifications.markSent(due.id(), language, delivered.provider(), delivered.providerMessageId());
                deliveryMetrics.sent(due.channel().name(), language, due.eventTime());
            }
            case DeliveryOutcome.TemporaryFailure temporary when !settings.givesUpAfter(due.attempts() + 1) -> {
                Duration backoff = settings.backoffAfter(due.attempts() + 1);
                notifications.scheduleRetry(due.id(), language, backoff, shorten(temporary.error()));
                log.warn("{} notification {} not sent (attempt {}); next attempt in {}: {}", due.channel(), due.id(),
                        due.attempts() + 1, backoff, temporary.error());
                deliveryMetrics.retried(due.channel().name(), language);
            }
            case DeliveryOutcome.TemporaryFailure exhausted -> giveUp(due, language, exhausted.error(), "ATTEMPTS_EXHAUSTED");
            case DeliveryOutcome.PermanentFailure permanent -> giveUp(due, language, permanent.error(), "UNDELIVERABLE");
        }
    }

    private void giveUp(DueNotification due, String language, String error, String reason) {
        notifications.markFailed(due.id(), language, shorten(error));
        outbox.publish(new NotificationFailed(due.id().toString(), due.letter().recipient().id(),
                due.conferenceId(), due.channel().name(), due.letter().template().key(), due.attempts() + 1, reason,
                clock.instant()));
        log.error("{} notification {} given up after {} attempts: {}", due.channel(), due.id(), due.attempts() + 1,
                error);
        deliveryMetrics.failed(due.channel().name(), language);
    }

    private static String shorten(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
