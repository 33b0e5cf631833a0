package org.learningcities.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;
import org.learningcities.contracts.Topics;
import org.learningcities.notification.NotificationServiceTest;
import org.learningcities.notification.TestDelegate;
import org.learningcities.testsupport.TestEvents;
import org.learningcities.testsupport.TopicRecords;
import org.learningcities.testsupport.TopicRecords.Received;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "notification.delivery.max-attempts=3")
class GivingUpTest extends NotificationServiceTest {

    @Test
    void recordsAndPublishesANotificationGivenUpAfterItsLastAttempt() {
        TestDelegate delegate = TestDelegate.named("Grace", "Okafor", "en");
        mailServer.stop();
        try {
            TestEvents.publish(delegate.conference());
            TestEvents.publish(delegate.contact());
            TestEvents.publish(delegate.registered());

            LoggedNotification failed = await().until(() -> deliveryLog(delegate.registrationId(), "EMAIL"),
                    log -> log.size() == 1 && log.getFirst().status().equals("FAILED")).getFirst();
            assertThat(failed.attempts()).isEqualTo(3);
            assertThat(failed.lastError()).contains("MailSendException");
            assertThat(failed.nextAttemptAt()).isNull();

            Received announced = TopicRecords.await(Topics.NOTIFICATION_DELIVERIES,
                    record -> record.value().contains(failed.id()));
            assertThat(announced.key()).isEqualTo(delegate.registrationId());
            assertThat(announced.headers().get("ce_type"))
                    .isEqualTo("org.learningcities.notification.notification.failed.v1");
            assertThat(announced.value())
                    .contains("\"channel\":\"EMAIL\"", "\"template\":\"registration-received\"",
                            "\"attempts\":3", "\"reason\":\"ATTEMPTS_EXHAUSTED\"")
                    .as("a public event never carries the address or the server's words")
                    .doesNotContain(delegate.email(), "MailSendException");
        } finally {
            mailServer.start();
        }
        assertThat(mvc.get().uri("/actuator/prometheus")).hasStatusOk().bodyText().containsPattern(
                "platform_notifications_total\\{channel=\"EMAIL\",language=\"en\",outcome=\"FAILED\"} [1-9]");
        assertThat(deliveryLog(delegate.registrationId(), "IN_APP")).singleElement()
                .satisfies(inApp -> assertThat(inApp.status()).isEqualTo("SENT"));
    }
}
