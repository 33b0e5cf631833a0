package org.learningcities.contracts.notification;

import java.time.Instant;

import org.learningcities.contracts.IntegrationEvent;

/**
 * A notification could not be delivered and will not be tried again. Public: names the recipient by id
 * only, and the reason is a category, never the provider's own words (which may quote an address).
 *
 * @param recipientId registration id of a delegate or id of an interpreter
 * @param channel     EMAIL, SMS or IN_APP
 * @param template    which message it was, e.g. {@code registration-approved}
 * @param reason      ATTEMPTS_EXHAUSTED (failed for now on every attempt allowed) or UNDELIVERABLE (refused for
 *                    good: no address, or a number or address the provider rejects)
 */
public record NotificationFailed(
        String notificationId,
        String recipientId,
        String conferenceId,
        String channel,
        String template,
        int attempts,
        String reason,
        Instant failedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return recipientId;
    }
}
