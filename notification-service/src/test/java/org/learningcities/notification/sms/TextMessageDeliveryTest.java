package org.learningcities.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learningcities.contracts.Topics;
import org.learningcities.notification.FakeSmsProvider.ReceivedRequest;
import org.learningcities.notification.NotificationServiceTest;
import org.learningcities.notification.TestDelegate;
import org.learningcities.testsupport.TestEvents;
import org.learningcities.testsupport.TopicRecords;

/** Urgent messages by SMS, end to end: event, queue, dispatcher, the providers' HTTP API, delivery log. */
class TextMessageDeliveryTest extends NotificationServiceTest {

    @AfterEach
    void providersWorkAgain() {
        primarySms.answers(200, "{\"id\":\"p-1\"}");
        secondarySms.answers(200, "{\"id\":\"s-1\"}");
    }

    @Test
    void sendsAWaitingListOfferBySmsInTheDelegatesLanguage() {
        TestDelegate delegate = registered(TestDelegate.named("伟", "王", "zh"));

        String offer = TestEvents.publish(delegate.offered(Instant.parse("2013-10-01T10:00:00Z"),
                Instant.parse("2013-10-03T10:00:00Z")));

        LoggedNotification sms = awaitSms(delegate, offer, "SENT");
        assertThat(sms.provider()).isEqualTo("primary");
        assertThat(sms.language()).isEqualTo("zh");
        ReceivedRequest request = requestFor(primarySms.received(), sms.id());
        assertThat(request.header("Authorization")).isEqualTo("Bearer primary-token");
        assertThat(request.header("Idempotency-Key")).isEqualTo(sms.id());
        assertThat(request.body()).contains("\"to\":\"" + delegate.phone() + "\"", "International Conference on Learning Cities",
                "2013年10月3日");
    }

    @Test
    void failsOverToTheSecondProviderWhileThePrimaryIsDown() {
        TestDelegate delegate = registered(TestDelegate.named("Grace", "Okafor", "en"));
        primarySms.answers(503, "{\"error\":\"maintenance\"}");

        String offer = TestEvents.publish(delegate.offered(Instant.now(), Instant.now().plusSeconds(86_400)));

        LoggedNotification sms = awaitSms(delegate, offer, "SENT");
        assertThat(sms.provider()).isEqualTo("secondary");
        assertThat(sms.attempts()).isEqualTo(1);
        assertThat(requestFor(primarySms.received(), sms.id())).as("tried first").isNotNull();
        assertThat(requestFor(secondarySms.received(), sms.id()).header("Authorization"))
                .isEqualTo("Bearer secondary-token");
    }

    @Test
    void givesUpAtOnceAndAnnouncesItWhenTheNumberIsRefused() {
        TestDelegate delegate = registered(TestDelegate.named("Amélie", "Dubois", "fr"));
        primarySms.answers(422, "{\"error\":\"not a mobile number\"}");

        String offer = TestEvents.publish(delegate.offered(Instant.now(), Instant.now().plusSeconds(86_400)));

        LoggedNotification sms = awaitSms(delegate, offer, "FAILED");
        assertThat(sms.attempts()).isEqualTo(1);
        assertThat(sms.lastError()).contains("422");
        assertThat(requestFor(secondarySms.received(), sms.id())).as("no failover for a refused number").isNull();
        assertThat(TopicRecords.await(Topics.NOTIFICATION_DELIVERIES, record -> record.value().contains(sms.id()))
                .value()).contains("\"channel\":\"SMS\"", "\"reason\":\"UNDELIVERABLE\"")
                .doesNotContain(delegate.phone());
        assertThat(deliveryLog(delegate.registrationId(), "EMAIL")).filteredOn(logged -> logged.eventId().equals(offer))
                .singleElement().satisfies(email -> assertThat(email.status()).isIn("PENDING", "SENT"));
    }

    @Test
    void sendsNoSmsForAnOrdinaryMessageOrToARecipientWithoutPhoneOrWhoSwitchedItOff() {
        TestDelegate noPhone = TestDelegate.named("Carlos", "Restrepo", "es");
        TestEvents.publish(noPhone.conference());
        TestEvents.publish(noPhone.contactWithoutPhone());
        TestEvents.publish(noPhone.registered());
        await().until(() -> deliveryLog(noPhone.registrationId(), "EMAIL").stream()
                .anyMatch(logged -> logged.status().equals("SENT")));
        TestDelegate switchedOff = registered(noPhone.colleague("Amina", "Diallo", "en"));
        setPreferences(switchedOff, "{\"email\": true, \"sms\": false, \"inApp\": true}");

        String ordinary = TestEvents.publish(switchedOff.rejected("Registration closed"));
        String toNoPhone = TestEvents.publish(noPhone.offered(Instant.now(), Instant.now().plusSeconds(86_400)));
        String toSwitchedOff = TestEvents.publish(switchedOff.offered(Instant.now(), Instant.now().plusSeconds(86_400)));

        for (String event : List.of(toNoPhone, toSwitchedOff, ordinary)) {
            TestDelegate recipient = event.equals(toNoPhone) ? noPhone : switchedOff;
            await().until(() -> deliveryLog(recipient.registrationId()).stream()
                    .anyMatch(logged -> logged.eventId().equals(event)));
            assertThat(deliveryLog(recipient.registrationId())).filteredOn(logged -> logged.eventId().equals(event))
                    .extracting(LoggedNotification::channel).containsExactlyInAnyOrder("EMAIL", "IN_APP");
        }
    }

    private TestDelegate registered(TestDelegate delegate) {
        TestEvents.publish(delegate.conference());
        TestEvents.publish(delegate.contact());
        TestEvents.publish(delegate.registered());
        // Sent: the contact, with the phone number SMS needs, has arrived.
        await().until(() -> deliveryLog(delegate.registrationId(), "EMAIL").stream()
                .anyMatch(logged -> logged.status().equals("SENT")));
        return delegate;
    }

    private LoggedNotification awaitSms(TestDelegate delegate, String eventId, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> deliveryLog(delegate.registrationId(), "SMS").stream()
                        .filter(logged -> logged.eventId().equals(eventId) && logged.status().equals(status))
                        .findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static ReceivedRequest requestFor(List<ReceivedRequest> requests, String notificationId) {
        return requests.stream().filter(request -> notificationId.equals(request.header("Idempotency-Key")))
                .findFirst().orElse(null);
    }
}
