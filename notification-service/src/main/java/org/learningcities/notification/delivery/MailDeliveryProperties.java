package org.learningcities.notification.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How e-mails are sent and retried while the mail server is unreachable or refuses them.
 *
 * @param from           the sender, optionally with a display name
 * @param maxAttempts    attempts after which an e-mail is given up and marked FAILED
 * @param initialBackoff wait after the first failed attempt; doubles with every further one
 * @param maxBackoff     longest wait between two attempts
 */
@ConfigurationProperties("notification.mail")
record MailDeliveryProperties(
        @DefaultValue("Learning Cities Conference Secretariat <no-reply@learningcities.example>") String from,
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
