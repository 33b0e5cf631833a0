package org.learningcities.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due notifications. Each channel has loops on threads of their own, so a slow SMS provider never holds up
 * e-mail; e-mail has several, so one SMTP conversation does not wait for the one before (rows are claimed with
 * SKIP LOCKED, so the loops never take the same notification). A loop is woken right after a transaction that may
 * have made a notification due commits ({@link DispatcherWakeUp}), so a message leaves within milliseconds; it also
 * polls, for retries falling due and rows other instances wrote.
 * A temporary failure is retried with exponential backoff; a permanent one, or the last allowed attempt,
 * marks the notification FAILED and publishes NotificationFailed in the same transaction.
 */
@Component
class NotificationDispatcher implements SmartLifecycle {

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
    private final DispatcherWakeUp wakeUps;
    private final Duration pollInterval;
    private final Clock clock;
    private final List<Loop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    private volatile boolean running;

    NotificationDispatcher(Notifications notifications, MessageComposer composer, List<ChannelSender> senders,
                           DeliveryProperties settings, PlatformTransactionManager transactions, Outbox outbox,
                           DeliveryMetrics deliveryMetrics, ObjectProvider<Tracer> tracer,
                           ObjectProvider<Propagator> propagator, DispatcherWakeUp wakeUps,
                           @Value("${notification.delivery.poll-interval:500ms}") Duration pollInterval,
                           @Value("${notification.delivery.email-loops:2}") int emailLoops) {
        this.notifications = notifications;
        this.composer = composer;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.outbox = outbox;
        this.deliveryMetrics = deliveryMetrics;
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
        this.wakeUps = wakeUps;
        this.pollInterval = pollInterval;
        this.clock = Clock.systemUTC();
        this.senders.forEach((channel, sender) -> {
            deliveryMetrics.startCounting(channel.name());
            int count = channel == Channel.EMAIL ? emailLoops : 1;
            for (int number = 1; number <= count; number++) {
                loops.add(new Loop(channel.name().toLowerCase(Locale.ROOT) + "-" + number, channel, sender,
                        wakeUps.of(channel)));
            }
        });
    }

    @Override
    public void start() {
        running = true;
        loops.forEach(loop -> threads.add(Thread.ofPlatform().name("notification-dispatcher-" + loop.name())
                .daemon().start(() -> dispatchUntilStopped(loop))));
    }

    @Override
    public void stop() {
        running = false;
        // Each loop that wakes and sees it must stop passes the wake-up on to the next loop of its channel.
        wakeUps.wakeAll();
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void dispatchUntilStopped(Loop loop) {
        while (true) {
            if (!running) {
                loop.wakeUp().release();
                return;
            }
            int handled;
            try {
                handled = sendDue(loop.channel(), loop.sender());
            } catch (RuntimeException e) {
                log.warn("{} dispatcher run failed; trying again after the poll interval", loop.channel(), e);
                handled = 0;
            }
            if (handled < PER_RUN) {
                try {
                    // Several wake-ups that came meanwhile count as one: a run sees everything committed so far.
                    if (loop.wakeUp().tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                        loop.wakeUp().drainPermits();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** @return how many notifications this run handled; {@link #PER_RUN} means more may be due */
    private int sendDue(Channel channel, ChannelSender sender) {
        int handled = 0;
        while (handled < PER_RUN && sendNextDue(channel, sender)) {
            handled++;
        }
        return handled;
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

    /** One dispatcher thread's work: a channel, and the wake-up it shares with the channel's other loops. */
    private record Loop(String name, Channel channel, ChannelSender sender, Semaphore wakeUp) {
    }

    private static String shorten(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
