package org.learningcities.notification.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notifications are retried while a channel is unreachable or refuses them for now.
 *
 * @param maxAttempts    attempts after which a notification is given up, marked FAILED and announced
 * @param initialBackoff wait after the first failed attempt; doubles with every further one
 * @param maxBackoff     longest wait between two attempts
 */
@ConfigurationProperties("notification.delivery")
record DeliveryProperties(
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("2s") Duration initialBackoff,
        @DefaultValue("5m") Duration maxBackoff) {

    boolean givesUpAfter(int attempts) {
        return attempts >= maxAttempts;
    }

    Duration backoffAfter(int failedAttempts) {
        Duration backoff = initialBackoff;
        for (int attempt = 1; attempt < failedAttempts && backoff.compareTo(maxBackoff) < 0; attempt++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
