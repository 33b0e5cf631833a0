package org.learningcities.notification.delivery.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.learningcities.notification.messages.CorrespondenceLanguage;
import org.springframework.stereotype.Component;

/**
 * The notification business metrics, recorded by the dispatcher where it records an attempt's outcome:
 * {@code platform.notifications} (channel, language, outcome SENT | RETRIED | FAILED) and
 * {@code platform.notification.delivery}, the time from the causing event to the channel accepting the message,
 * with a histogram so that percentiles can be aggregated over instances in Prometheus.
 */
@Component
public final class DeliveryMetrics {

    private static final String UNKNOWN_LANGUAGE = "unknown";
    /** Every value the language tag can take: the languages messages are written in, and one that could not be. */
    private static final List<String> LANGUAGES = Stream.concat(
            Arrays.stream(CorrespondenceLanguage.values()).map(CorrespondenceLanguage::tag),
            Stream.of(UNKNOWN_LANGUAGE)).toList();
    private static final List<String> OUTCOMES = List.of("SENT", "RETRIED", "FAILED");

    private final MeterRegistry meters;
    private final Clock clock;

    DeliveryMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.clock = Clock.systemUTC();
    }

    /**
     * Registers the channel's counters at 0 for every language and outcome, before its first attempt. Prometheus's
     * increase() only sees a rise within a series it has already scraped: a series born at 1 on the mail server's
     * first failure would count as no failure at all. Languages are a closed set, so this is 15 series a channel.
     */
    public void startCounting(String channel) {
        for (String language : LANGUAGES) {
            for (String outcome : OUTCOMES) {
                counter(channel, language, outcome);
            }
        }
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
        counter(channel, language == null ? UNKNOWN_LANGUAGE : language, outcome).increment();
    }

    private Counter counter(String channel, String language, String outcome) {
        return Counter.builder("platform.notifications")
                .description("Notification delivery attempts by outcome")
                .tags("channel", channel, "language", language, "outcome", outcome)
                .register(meters);
    }
}
