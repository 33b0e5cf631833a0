package org.learningcities.notification.delivery;

import java.time.Instant;

/**
 * One entry of the delivery log.
 *
 * @param eventId       CloudEvents id of the event that caused it
 * @param recipientId   registration id of a delegate, or id of an interpreter
 * @param recipientKind DELEGATE or INTERPRETER
 * @param channel       EMAIL, SMS or IN_APP
 * @param language      the language it was written in (after falling back to English); null until first written
 * @param status        PENDING, SENT or FAILED
 * @param critical      sent whatever the recipient's channel preferences
 * @param attempts      delivery attempts so far, the successful one included
 * @param provider      who accepted it: smtp, in-app or the SMS provider's name
 * @param nextAttemptAt when a pending message is tried next; null once nothing more will be tried
 * @param lastError     why the last failed attempt failed
 */
record NotificationView(String id, String eventId, String recipientId, String recipientKind, String conferenceId,
                        String channel, String template, String language, String status, boolean critical,
                        int attempts, String provider, Instant createdAt, Instant nextAttemptAt, Instant sentAt,
                        String lastError) {
}
