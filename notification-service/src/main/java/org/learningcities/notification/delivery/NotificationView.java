package org.learningcities.notification.delivery;

import java.time.Instant;

/**
 * One entry of the delivery log.
 *
 * @param recipientId   registration id of the delegate written to
 * @param language      the language the message is written in (after falling back to English)
 * @param status        PENDING, SENT or FAILED
 * @param attempts      delivery attempts so far, the successful one included
 * @param nextAttemptAt when a pending message is tried next; null once nothing more will be tried
 * @param lastError     why the last failed attempt failed
 */
record NotificationView(String id, String recipientId, String conferenceId, String channel, String template,
                        String language, String status, int attempts, Instant createdAt, Instant nextAttemptAt,
                        Instant sentAt, String lastError) {
}
