package org.learningcities.notification.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A subscription as partners see it: never with its secret, which only the creation answer shows.
 *
 * @param status         ACTIVE, or DISABLED once the partner answered 410 Gone
 * @param disabledReason why it was disabled, for the partner's developer
 */
record WebhookSubscriptionView(String id, String url, List<String> eventTypes, String description, String status,
                               Instant createdAt, Instant disabledAt, String disabledReason) {
}
