package org.learningcities.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.learningcities.notification.NotificationServiceTest;
import org.learningcities.notification.TestDelegate;
import org.learningcities.testsupport.TestEvents;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dispatchers poll only once an hour here, so an e-mail that arrives at all was sent because the transaction
 * that made it due woke them. The bound on each wait is generous for a loaded machine yet far below the poll.
 */
class DispatcherWakeUpTest extends NotificationServiceTest {

    private static final Duration FAR_BELOW_THE_POLL = Duration.ofSeconds(10);

    @DynamicPropertySource
    static void pollOnlyOnceAnHour(DynamicPropertyRegistry registry) {
        registry.add("notification.delivery.poll-interval", () -> "1h");
    }

    @Test
    void sendsTheAcknowledgementAsSoonAsTheRegistrationIsHandledWithoutWaitingForThePoll() {
        TestDelegate delegate = TestDelegate.named("Grace", "Okafor", "en");
        TestEvents.publish(delegate.conference());
        TestEvents.publish(delegate.contact());

        TestEvents.publish(delegate.registered());

        // The first wait covers the consumers joining their groups; only the second is about the dispatcher.
        await().until(() -> deliveryLog(delegate.registrationId(), "EMAIL"), logged -> !logged.isEmpty());
        await().atMost(FAR_BELOW_THE_POLL).until(() -> mailServer.messagesTo(delegate.email()), mails -> !mails.isEmpty());
    }

    @Test
    void sendsAWaitingAcknowledgementAsSoonAsTheDelegatesContactArrives() {
        TestDelegate delegate = TestDelegate.named("Amina", "Diallo", "fr");
        TestEvents.publish(delegate.conference());
        TestEvents.publish(delegate.registered());
        await().untilAsserted(() -> assertThat(deliveryLog(delegate.registrationId(), "EMAIL"))
                .singleElement().extracting(LoggedNotification::status).isEqualTo("PENDING"));

        TestEvents.publish(delegate.contact());

        await().atMost(FAR_BELOW_THE_POLL).until(() -> mailServer.messagesTo(delegate.email()), mails -> !mails.isEmpty());
    }

    @Test
    void sendsAWaitingAcknowledgementAsSoonAsItsConferenceArrives() {
        TestDelegate delegate = TestDelegate.named("Carlos", "Restrepo", "es");
        TestEvents.publish(delegate.contact());
        TestEvents.publish(delegate.registered());
        await().untilAsserted(() -> assertThat(deliveryLog(delegate.registrationId(), "EMAIL"))
                .singleElement().extracting(LoggedNotification::status).isEqualTo("PENDING"));

        TestEvents.publish(delegate.conference());

        await().atMost(FAR_BELOW_THE_POLL).until(() -> mailServer.messagesTo(delegate.email()), mails -> !mails.isEmpty());
    }
}
