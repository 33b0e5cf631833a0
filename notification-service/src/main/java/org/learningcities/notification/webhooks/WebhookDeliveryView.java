package org.learningcities.notification.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * One event's delivery to one subscription.
 *
 * @param status        PENDING, DELIVERED, FAILED (retries exhausted) or CANCELLED (subscription disabled)
 * @param nextAttemptAt when a pending delivery is attempted next; null once nothing more will be attempted
 * @param finishedAt    when it was delivered, failed or cancelled
 * @param attempts      every attempt so far, first to last
 */
record WebhookDeliveryView(String id, String eventId, String eventType, String status, Instant createdAt,
                           Instant nextAttemptAt, Instant finishedAt, List<AttemptView> attempts) {

    /**
     * @param httpStatus    the partner's HTTP status; null when none came (timeout, connection or address refused)
     * @param error         why the attempt did not deliver, when it did not
     * @param outcome       DELIVERED, RETRY, FAILED (the last attempt failed) or GONE (410: subscription disabled)
     * @param nextAttemptAt the retry this attempt scheduled, if any
     */
    record AttemptView(int number, Instant attemptedAt, long durationMs, Integer httpStatus, String error,
                       String outcome, Instant nextAttemptAt) {
    }
}
