package org.learningcities.notification.delivery;

/** What became of one delivery attempt. */
public sealed interface DeliveryOutcome {

    /**
     * The channel accepted the message.
     *
     * @param provider          who accepted it, e.g. {@code smtp} or an SMS provider's configured name
     * @param providerMessageId the provider's own id for it, or null
     */
    record Delivered(String provider, String providerMessageId) implements DeliveryOutcome {
    }

    /** A failure that may pass (server down, timeout, rate limit): the dispatcher tries again later. */
    record TemporaryFailure(String error) implements DeliveryOutcome {
    }

    /** A failure that trying again cannot cure (an invalid number, an address refused): given up at once. */
    record PermanentFailure(String error) implements DeliveryOutcome {
    }
}
