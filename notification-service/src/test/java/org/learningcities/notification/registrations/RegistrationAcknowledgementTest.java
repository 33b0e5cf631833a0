package org.learningcities.notification.registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.learningcities.notification.NotificationServiceTest;
import org.learningcities.notification.TestDelegate;
import org.learningcities.testsupport.TestEvents;

class RegistrationAcknowledgementTest extends NotificationServiceTest {

    /** Long enough for a second e-mail to have been sent, were one going to be. */
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(3);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | Grace  | Okafor   | Grace Okafor   | We received your registration for International Conference on Learning Cities        | Dear Grace Okafor,        | in Beijing, October 21, 2013 – October 23, 2013                | pending approval by the secretariat
            zh | 伟     | 王       | 王伟           | 我们已收到您的International Conference on Learning Cities注册申请                    | 尊敬的王伟：              | （Beijing，2013年10月21日至2013年10月23日）                      | 待秘书处审核
            fr | Amélie | Dubois   | Amélie Dubois  | Nous avons bien reçu votre inscription à International Conference on Learning Cities | Bonjour Amélie Dubois,    | à Beijing, du 21 octobre 2013 au 23 octobre 2013               | en attente de validation par le secrétariat
            es | José   | Martínez | José Martínez  | Hemos recibido su inscripción en International Conference on Learning Cities         | José Martínez:            | en Beijing, del 21 de octubre de 2013 al 23 de octubre de 2013 | pendiente de aprobación por la Secretaría
            """)
    void acknowledgesARegistrationWithOneEmailInTheDelegatesLanguage(String language, String givenName,
            String familyName, String displayName, String subject, String greeting, String placeAndDates,
            String status) throws Exception {
        TestDelegate delegate = TestDelegate.named(givenName, familyName, language);

        TestEvents.publish(delegate.conference());
        TestEvents.publish(delegate.contact());
        TestEvents.publish(delegate.registered());

        MimeMessage email = awaitSingleEmailTo(delegate);
        assertThat(email.getSubject()).isEqualTo(subject);
        assertThat(((InternetAddress) email.getFrom()[0]).getAddress()).isEqualTo("no-reply@learningcities.example");
        assertThat(email.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(email.getHeader("Content-Language", null)).isEqualTo(language);
        assertThat((String) email.getContent())
                .startsWith(greeting)
                .contains(placeAndDates)
                .contains(delegate.registrationId())
                .contains(status);
        InternetAddress to = (InternetAddress) email.getRecipients(Message.RecipientType.TO)[0];
        assertThat(to.getPersonal()).isEqualTo(displayName);
        // The log turns SENT when the send's transaction commits, a moment after the SMTP server took the mail.
        await().untilAsserted(() -> assertThat(deliveryLog(delegate.registrationId(), "EMAIL")).singleElement()
                .satisfies(logged -> {
                    assertThat(logged.status()).isEqualTo("SENT");
                    assertThat(logged.language()).isEqualTo(language);
                    assertThat(email.getHeader("X-Notification-Id", null)).isEqualTo(logged.id());
                    assertThat(email.getMessageID()).isEqualTo("<" + logged.id() + "@learningcities.example>");
                }));
    }

    @Test
    void writesInEnglishToADelegateWhoseLanguageHasNoTemplates() throws Exception {
        TestDelegate delegate = TestDelegate.named("Jürgen", "Müller", "de");

        TestEvents.publish(delegate.conference());
        TestEvents.publish(delegate.contact());
        TestEvents.publish(delegate.registered());

        MimeMessage email = awaitSingleEmailTo(delegate);
        assertThat(email.getSubject()).startsWith("We received your registration");
        assertThat((String) email.getContent()).startsWith("Dear Jürgen Müller,");
        assertThat(email.getHeader("Content-Language", null)).isEqualTo("en");
        assertThat(deliveryLog(delegate.registrationId(), "EMAIL"))
                .singleElement().extracting(LoggedNotification::language).isEqualTo("en");
    }

    @Test
    void sendsTheAcknowledgementOnceTheContactArrivesAfterTheRegistration() throws Exception {
        TestDelegate delegate = TestDelegate.named("Amina", "Diallo", "fr");
        TestEvents.publish(delegate.conference());

        TestEvents.publish(delegate.registered());

        await().untilAsserted(() -> assertThat(deliveryLog(delegate.registrationId(), "EMAIL"))
                .singleElement().satisfies(waiting -> {
                    assertThat(waiting.status()).isEqualTo("PENDING");
                    assertThat(waiting.attempts()).isZero();
                }));
        assertThat(mailServer.messagesTo(delegate.email())).isEmpty();

        TestEvents.publish(delegate.contact());

        assertThat(awaitSingleEmailTo(delegate).getSubject()).startsWith("Nous avons bien reçu votre inscription");
    }

    @Test
    void waitsForTheConferenceWhenItsScheduleArrivesAfterTheRegistration() throws Exception {
        TestDelegate delegate = TestDelegate.named("Carlos", "Restrepo", "es");
        TestEvents.publish(delegate.contact());
        TestEvents.publish(delegate.registered());

        await().untilAsserted(() -> assertThat(deliveryLog(delegate.registrationId(), "EMAIL"))
                .singleElement().extracting(LoggedNotification::status).isEqualTo("PENDING"));
        await().during(Duration.ofSeconds(1)).until(() -> mailServer.messagesTo(delegate.email()).isEmpty());

        TestEvents.publish(delegate.conference());

        assertThat((String) awaitSingleEmailTo(delegate).getContent())
                .contains("International Conference on Learning Cities, en Beijing");
    }

    @Test
    void sendsOneEmailWhenTheSameRegistrationEventIsDeliveredTwice() {
        TestDelegate delegate = TestDelegate.named("Grace", "Okafor", "en");
        TestEvents.publish(delegate.conference());
        TestEvents.publish(delegate.contact());

        String eventId = TestEvents.publish(delegate.registered());
        TestEvents.publish(delegate.registered(), eventId);

        await().until(() -> mailServer.messagesTo(delegate.email()).size() == 1);
        await().during(QUIET_PERIOD).atMost(QUIET_PERIOD.plusSeconds(5))
                .until(() -> mailServer.messagesTo(delegate.email()).size() == 1);
        assertThat(deliveryLog(delegate.registrationId(), "EMAIL")).hasSize(1);
    }

    @Test
    void keepsTheEmailPendingWhileTheMailServerIsDownAndSendsItWhenItIsBack() throws Exception {
        TestDelegate delegate = TestDelegate.named("伟", "王", "zh");
        mailServer.stop();
        try {
            TestEvents.publish(delegate.conference());
            TestEvents.publish(delegate.contact());
            TestEvents.publish(delegate.registered());

            await().untilAsserted(() -> assertThat(deliveryLog(delegate.registrationId(), "EMAIL"))
                    .singleElement().satisfies(retrying -> {
                        assertThat(retrying.status()).isEqualTo("PENDING");
                        assertThat(retrying.attempts()).isGreaterThanOrEqualTo(2);
                        assertThat(retrying.lastError()).isNotBlank();
                        assertThat(retrying.nextAttemptAt()).isNotNull();
                    }));
        } finally {
            mailServer.start();
        }

        MimeMessage email = awaitSingleEmailTo(delegate);
        assertThat(email.getSubject()).isEqualTo("我们已收到您的International Conference on Learning Cities注册申请");
        await().untilAsserted(() -> assertThat(deliveryLog(delegate.registrationId(), "EMAIL")).singleElement()
                .satisfies(sent -> {
                    assertThat(sent.status()).isEqualTo("SENT");
                    assertThat(sent.attempts()).isGreaterThanOrEqualTo(3);
                    assertThat(sent.sentAt()).isAfter(sent.createdAt());
                    assertThat(sent.nextAttemptAt()).isNull();
                }));
    }

    private static MimeMessage awaitSingleEmailTo(TestDelegate delegate) {
        List<MimeMessage> received = await().until(() -> mailServer.messagesTo(delegate.email()),
                messages -> !messages.isEmpty());
        assertThat(received).hasSize(1);
        return received.getFirst();
    }
}
