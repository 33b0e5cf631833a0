package org.learningcities.notification.webhooks;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How partner webhooks are delivered.
 *
 * @param retrySchedule           wait before each attempt, the first included: the default is Standard Webhooks'
 *                                suggestion (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: over 24 h in all).
 *                                After the last attempt fails the delivery is FAILED.
 * @param allowedPrivateNetworks  CIDR blocks exempt from the SSRF rules. Empty in production; exists only so that
 *                                tests and the local platform can reach a receiver on 127.0.0.1.
 * @param connectTimeout          how long to wait for a partner to accept the connection
 * @param requestTimeout          how long to wait for a partner's response once connected
 * @param maxConcurrentDeliveries HTTP calls in flight at once per instance, so a slow partner cannot take them all
 *                                unnoticed yet cannot hold up the e-mail dispatcher either
 */
@ConfigurationProperties("notification.webhooks")
record WebhookProperties(
        @DefaultValue({"0s", "5s", "5m", "30m", "2h", "5h", "10h", "10h"}) List<Duration> retrySchedule,
        List<String> allowedPrivateNetworks,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("16") int maxConcurrentDeliveries) {

    WebhookProperties {
        if (retrySchedule.isEmpty() || retrySchedule.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("notification.webhooks.retry-schedule needs at least one "
                    + "non-negative duration, got " + retrySchedule);
        }
        retrySchedule = List.copyOf(retrySchedule);
        allowedPrivateNetworks = allowedPrivateNetworks == null ? List.of() : List.copyOf(allowedPrivateNetworks);
        if (maxConcurrentDeliveries < 1) {
            throw new IllegalArgumentException("notification.webhooks.max-concurrent-deliveries must be at least 1");
        }
    }

    int maxAttempts() {
        return retrySchedule.size();
    }

    /** The wait before attempt number {@code attempt} (1-based). */
    Duration delayBefore(int attempt) {
        return retrySchedule.get(attempt - 1);
    }

    /**
     * How long a claimed delivery stays reserved for the instance attempting it: the longest an attempt can
     * take, with room to record the outcome. Should that instance die, another attempts it after this.
     */
    Duration lease() {
        return connectTimeout.plus(requestTimeout).plusSeconds(30);
    }
}
