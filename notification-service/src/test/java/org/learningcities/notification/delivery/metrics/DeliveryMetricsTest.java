package org.learningcities.notification.delivery.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.learningcities.notification.NotificationServiceTest;
import org.learningcities.notification.TestDelegate;
import org.learningcities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The notification business metrics, driven end to end: registration events on Kafka, the dispatcher, the real
 * SMTP server. The meters are shared with the other test classes of this context, so each test compares counts
 * before and after its own flow.
 */
class DeliveryMetricsTest extends NotificationServiceTest {

    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;

    @Test
    void countsASentEmailByChannelAndLanguageAndTimesItFromTheRegistration() {
        TestDelegate delegate = TestDelegate.named("Amélie", "Dubois", "fr");
        double sentBefore = count("EMAIL", "fr", "SENT");
        long timedBefore = deliveryTimes("EMAIL");

        TestEvents.publish(delegate.conference());
        TestEvents.publish(delegate.contact());
        Instant beforeEvent = Instant.now();
        String registered = TestEvents.publish(delegate.registered());
        awaitEmailCausedBy(delegate.email(), registered);

        await().untilAsserted(() -> {
            assertThat(count("EMAIL", "fr", "SENT")).isGreaterThan(sentBefore);
            assertThat(deliveryTimes("EMAIL")).isGreaterThan(timedBefore);
        });
        assertThat(jdbc.sql("select event_time from notification where event_id = ? and channel = 'EMAIL'")
                .param(registered).query(OffsetDateTime.class).single().toInstant())
                .as("the registration's CloudEvents time, kept with the notification")
                .isBetween(beforeEvent.minusSeconds(1), Instant.now());
        assertThat(mvc.get().uri("/actuator/prometheus")).hasStatusOk().bodyText()
                .containsPattern("platform_notifications_total\\{channel=\"EMAIL\",language=\"fr\",outcome=\"SENT\"} [1-9]")
                .containsPattern("platform_notification_delivery_seconds_bucket\\{channel=\"EMAIL\",le=\"[0-9.]+\"} [1-9]")
                .containsPattern("platform_notification_delivery_seconds_count\\{channel=\"EMAIL\"} [1-9]");
    }

    @Test
    void countsRetriesWhileTheMailServerIsDownAndAFailureOnceGivenUp() {
        TestDelegate delegate = TestDelegate.named("Grace", "Okafor", "en");
        double retriedBefore = count("EMAIL", "en", "RETRIED");
        double failedBefore = count("EMAIL", "en", "FAILED");
        mailServer.stop();
        try {
            TestEvents.publish(delegate.conference());
            TestEvents.publish(delegate.contact());
            TestEvents.publish(delegate.registered());

            await().atMost(Duration.ofSeconds(90)).until(() -> deliveryLog(delegate.registrationId(), "EMAIL"),
                    log -> log.size() == 1 && log.getFirst().status().equals("FAILED"));
        } finally {
            mailServer.start();
        }
        int attempts = deliveryLog(delegate.registrationId(), "EMAIL").getFirst().attempts();
        assertThat(count("EMAIL", "en", "RETRIED") - retriedBefore).as("every attempt but the last")
                .isGreaterThanOrEqualTo(attempts - 1);
        assertThat(count("EMAIL", "en", "FAILED") - failedBefore).isGreaterThanOrEqualTo(1);
        assertThat(mvc.get().uri("/actuator/prometheus")).hasStatusOk().bodyText()
                .containsPattern("platform_notifications_total\\{channel=\"EMAIL\",language=\"en\",outcome=\"RETRIED\"} [1-9]")
                .containsPattern("platform_notifications_total\\{channel=\"EMAIL\",language=\"en\",outcome=\"FAILED\"} [1-9]");
    }

    @Test
    void exportsEveryChannelLanguageAndOutcomeBeforeItsFirstAttemptSoThatAFirstFailureIsARise() throws Exception {
        String scrape = mvc.get().uri("/actuator/prometheus").exchange().getResponse().getContentAsString();
        List<String> exported = scrape.lines()
                .filter(line -> line.startsWith("platform_notifications_total{"))
                .map(line -> line.substring(0, line.lastIndexOf(' ')))
                .toList();

        // Most of these no test here ever counts (no Spanish SMS is sent or given up): each is there because the
        // dispatcher registered it at 0 when it started.
        List<String> everySeries = new ArrayList<>();
        for (String channel : List.of("EMAIL", "SMS", "IN_APP")) {
            for (String language : List.of("en", "zh", "fr", "es", "unknown")) {
                for (String outcome : List.of("SENT", "RETRIED", "FAILED")) {
                    everySeries.add("platform_notifications_total{channel=\"%s\",language=\"%s\",outcome=\"%s\"}"
                            .formatted(channel, language, outcome));
                }
            }
        }
        assertThat(exported).containsAll(everySeries);
    }

    private double count(String channel, String language, String outcome) {
        Counter counter = meters.find("platform.notifications")
                .tags("channel", channel, "language", language, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private long deliveryTimes(String channel) {
        Timer timer = meters.find("platform.notification.delivery").tag("channel", channel).timer();
        return timer == null ? 0 : timer.count();
    }
}
