package org.learningcities.notification.delivery.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The notification business metrics, recorded by the dispatcher where it records an attempt's outcome:
 * {@code platform.notifications} (channel, language, outcome SENT | RETRIED | FAILED) and
 * {@code platform.notification.delivery}, the time from the causing event to the channel accepting the message,
 * with a histogram so that percentiles can be aggregated over instances in Prometheus.
 */
@Component
public final class DeliveryMetrics {

    private final MeterRegistry meters;
    private final Clock clock;

    DeliveryMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.clock = Clock.systemUTC();
    }

    /**
     * The channel accepted the message.
     *
     * @param language  the language it was written in, null if it could not be written
     * @param eventTime when the causing event happened; null when unknown, and then no time is recorded
     */
    public void sent(String channel, String language, Instant eventTime) {
        count(channel, language, "SENT");
        if (eventTime != null) {
            // Clocks of producer and this service may differ a little: a negative age is recorded as zero.
            Duration age = Duration.between(eventTime, clock.instant());
            Timer.builder("platform.notification.delivery")
                    .description("Time from the causing event to the channel accepting the notification")
                    .tag("channel", channel)
                    .publishPercentileHistogram()
                    // Micrometer's default stops at 30 s, but a message waits out retries (up to minutes) and for
                    // its badge or session copy: buckets up to 6 h keep those apart from the +Inf bucket.
                    .minimumExpectedValue(Duration.ofMillis(50))
                    .maximumExpectedValue(Duration.ofHours(6))
                    .register(meters)
                    .record(age.isNegative() ? Duration.ZERO : age);
        }
    }

    /** The attempt failed and another one is scheduled. */
    public void retried(String channel, String language) {
        count(channel, language, "RETRIED");
    }

    /** Given up on: permanently undeliverable, or the last allowed attempt failed. */
    public void failed(String channel, String language) {
        count(channel, language, "FAILED");
    }

    private void count(String channel, String language, String outcome) {
        Counter.builder("platform.notifications")
                .description("Notification delivery attempts by outcome")
                .tags("channel", channel, "language", language == null ? "unknown" : language, "outcome", outcome)
                .register(meters)
                .increment();
    }
}
