package org.learningcities.notification.webhooks;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.learningcities.notification.webhooks.AddressPolicy.RefusedAddressException;
import org.learningcities.notification.webhooks.WebhookDeliveries.Attempt;
import org.learningcities.notification.webhooks.WebhookDeliveries.ClaimedDelivery;
import org.learningcities.notification.webhooks.WebhookDeliveries.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due webhooks. Each delivery is claimed with a lease in a short transaction, the partner is called with
 * no transaction open, and the outcome is recorded in another short transaction. Calls run on virtual threads, at
 * most {@code max-concurrent-deliveries} at once, so slow partners never hold up the scheduler the e-mail
 * dispatcher shares. Delivery is at least once: should an instance die between the call and the record, the lease
 * lapses and the call is repeated with the same {@code webhook-id}, by which partners recognise it.
 */
@Component
class WebhookDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final WebhookDeliveries deliveries;
    private final WebhookSubscriptions subscriptions;
    private final WebhookSender sender;
    private final WebhookProperties settings;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final Semaphore slots;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    WebhookDispatcher(WebhookDeliveries deliveries, WebhookSubscriptions subscriptions, WebhookSender sender,
                      WebhookProperties settings, PlatformTransactionManager transactions, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.meters = meters;
        this.slots = new Semaphore(settings.maxConcurrentDeliveries());
    }

    @Scheduled(fixedDelayString = "${notification.webhooks.poll-interval:500ms}")
    void dispatchDueDeliveries() {
        while (slots.tryAcquire()) {
            Optional<ClaimedDelivery> claimed;
            try {
                claimed = deliveries.claimNextDue(settings.lease());
            } catch (RuntimeException e) {
                slots.release();
                throw e;
            }
            if (claimed.isEmpty()) {
                slots.release();
                return;
            }
            calls.execute(() -> {
                try {
                    attempt(claimed.get());
                } finally {
                    slots.release();
                }
            });
        }
    }

    private void attempt(ClaimedDelivery delivery) {
        Instant started = Instant.now();
        Integer status = null;
        String error = null;
        try {
            // The CloudEvent id: the same for every retry, so partners can discard repeats.
            status = sender.post(delivery.url(), delivery.eventId(), delivery.secret(), delivery.document());
            if (status < 200 || status > 299) {
                error = "HTTP " + status;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "Interrupted while the service stopped";
        } catch (HttpTimeoutException e) {
            error = "Timed out: " + e.getMessage();
        } catch (RefusedAddressException e) {
            error = "Address refused: " + e.getMessage();
        } catch (Exception e) {
            error = describe(e);
        }
        try {
            record(delivery, started, status, error);
        } catch (RuntimeException e) {
            // The lease lapses and another attempt follows, like after a crash.
            log.error("Outcome of webhook delivery {} could not be recorded", delivery.id(), e);
        }
    }

    private void record(ClaimedDelivery delivery, Instant started, Integer status, String error) {
        Instant finished = Instant.now();
        if (error == null) {
            finish(delivery, new Attempt(started, finished, status, null, Outcome.DELIVERED), "DELIVERED", "delivered");
        } else if (status != null && status == 410) {
            String reason = "The partner answered 410 Gone to delivery " + delivery.id() + ".";
            boolean recorded = Boolean.TRUE.equals(transaction.execute(tx -> {
                if (!deliveries.record(delivery, new Attempt(started, finished, status, error, Outcome.GONE),
                        "CANCELLED", null)) {
                    return false;
                }
                subscriptions.disable(delivery.subscriptionId(), reason, finished);
                deliveries.cancelPending(delivery.subscriptionId(), finished);
                return true;
            }));
            if (recorded) {
                log.warn("Webhook subscription {} disabled: {}", delivery.subscriptionId(), reason);
                count("disabled");
            }
        } else if (delivery.attempt() >= settings.maxAttempts()) {
            finish(delivery, new Attempt(started, finished, status, truncate(error), Outcome.FAILED), "FAILED",
                    "failed");
            log.error("Webhook delivery {} given up after {} attempts: {}", delivery.id(), delivery.attempt(), error);
        } else {
            Duration wait = settings.delayBefore(delivery.attempt() + 1);
            Instant next = finished.plus(wait);
            if (Boolean.TRUE.equals(transaction.execute(tx -> deliveries.record(delivery,
                    new Attempt(started, finished, status, truncate(error), Outcome.RETRY), "PENDING", next)))) {
                log.warn("Webhook delivery {} failed (attempt {}); next attempt in {}: {}", delivery.id(),
                        delivery.attempt(), wait, error);
                count("retried");
            }
        }
    }

    private void finish(ClaimedDelivery delivery, Attempt attempt, String status, String outcome) {
        if (Boolean.TRUE.equals(transaction.execute(tx -> deliveries.record(delivery, attempt, status, null)))) {
            count(outcome);
        }
    }

    private void count(String outcome) {
        meters.counter("notification.webhook.deliveries", "outcome", outcome).increment();
    }

    private static String describe(Exception failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    /** Lets calls in flight finish and record their outcome; those that cannot are repeated after their lease. */
    @Override
    public void destroy() throws InterruptedException {
        calls.shutdown();
        if (!calls.awaitTermination(settings.connectTimeout().plus(settings.requestTimeout()).toMillis(),
                TimeUnit.MILLISECONDS)) {
            calls.shutdownNow();
        }
    }
}
