package org.learningcities.notification.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * The answer to a subscription: the only time its signing secret is shown.
 *
 * @param secret {@code whsec_} + base64 key of the HMAC-SHA256 signatures; keep it, it cannot be read again
 */
record CreatedWebhookSubscription(String id, String url, List<String> eventTypes, String description,
                                  String status, Instant createdAt, String secret) {

    static CreatedWebhookSubscription of(WebhookSubscriptionView subscription, String secret) {
        return new CreatedWebhookSubscription(subscription.id(), subscription.url(), subscription.eventTypes(),
                subscription.description(), subscription.status(), subscription.createdAt(), secret);
    }
}
