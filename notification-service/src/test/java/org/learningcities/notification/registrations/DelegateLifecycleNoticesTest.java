package org.learningcities.notification.registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.learningcities.notification.Mails;
import org.learningcities.notification.NotificationServiceTest;
import org.learningcities.notification.TestDelegate;
import org.learningcities.testsupport.TestEvents;

class DelegateLifecycleNoticesTest extends NotificationServiceTest {

    @Test
    void sendsTheApprovalWithTheBadgeQrCodeOnceTheBadgeIsIssued() throws Exception {
        TestDelegate delegate = registered(TestDelegate.named("Grace", "Okafor", "en"));

        String approval = TestEvents.publish(delegate.approved());

        await().untilAsserted(() -> assertThat(deliveryLog(delegate.registrationId(), "EMAIL"))
                .filteredOn(logged -> logged.eventId().equals(approval))
                .singleElement().satisfies(waiting -> assertThat(waiting.status()).isEqualTo("PENDING")));
        await().during(Duration.ofSeconds(1)).until(() -> emailsCausedBy(delegate.email(), approval).isEmpty());

        // A replayed older badge arrives after the newer one: it must not replace it.
        TestEvents.publish(delegate.badge(2, "second.badge-token"));
        TestEvents.publish(delegate.badge(1, "first.badge-token"));

        MimeMessage email = awaitEmailCausedBy(delegate.email(), approval);
        assertThat(email.getSubject()).isEqualTo("Your registration for International Conference on Learning Cities is approved");
        assertThat(Mails.text(email)).contains("Your badge is attached", delegate.registrationId());
        byte[] badge = Mails.attachments(email).get("badge.png");
        assertThat(qrCodeIn(badge)).as("the latest badge, never an older serial").isEqualTo("second.badge-token");
    }

    @Test
    void givesTheReasonOfARejection() throws Exception {
        TestDelegate delegate = registered(TestDelegate.named("Amélie", "Dubois", "fr"));

        String rejection = TestEvents.publish(delegate.rejected("Les inscriptions de votre catégorie sont closes."));

        MimeMessage email = awaitEmailCausedBy(delegate.email(), rejection);
        assertThat(Mails.text(email)).startsWith("Bonjour Amélie Dubois")
                .contains("Les inscriptions de votre catégorie sont closes.");
    }

    @Test
    void confirmsAWithdrawal() throws Exception {
        TestDelegate delegate = registered(TestDelegate.named("José", "Martínez", "es"));

        String withdrawal = TestEvents.publish(delegate.withdrawn());

        assertThat(Mails.text(awaitEmailCausedBy(delegate.email(), withdrawal))).contains(delegate.registrationId());
    }

    @Test
    void tellsTheDeadlineOfAWaitingListOfferOnTheVenuesAndTheDelegatesClocks() throws Exception {
        TestDelegate delegate = registered(TestDelegate.named("Amina", "Diallo", "en"));
        setPreferences(delegate,
                "{\"email\": true, \"sms\": true, \"inApp\": true, \"timeZone\": \"Africa/Dakar\"}");

        // Offered 1 October 2013 at 18:00 in Beijing, open for two days.
        String offer = TestEvents.publish(delegate.offered(Instant.parse("2013-10-01T10:00:00Z"),
                Instant.parse("2013-10-03T10:00:00Z")));

        MimeMessage email = awaitEmailCausedBy(delegate.email(), offer);
        assertThat(email.getSubject()).isEqualTo("A place at International Conference on Learning Cities is free for you");
        assertThat(Mails.text(email))
                .contains("Thu, Oct 3, 2013, 6:00", "China Time")
                .contains("your time: Thu, Oct 3, 2013, 10:00", "Senegal")
                .contains("within 48 hours");
    }

    @Test
    void tellsTheDelegateWhenAnOfferLapsed() {
        TestDelegate delegate = registered(TestDelegate.named("伟", "王", "zh"));

        String expiry = TestEvents.publish(delegate.offerExpired());

        assertThat(Mails.text(awaitEmailCausedBy(delegate.email(), expiry))).startsWith("尊敬的王伟");
    }

    @Test
    void writesEveryMessageToTheInAppFeedToo() {
        TestDelegate delegate = registered(TestDelegate.named("Grace", "Okafor", "en"));

        String rejection = TestEvents.publish(delegate.rejected(null));

        await().untilAsserted(() -> assertThat(deliveryLog(delegate.registrationId()))
                .filteredOn(logged -> logged.eventId().equals(rejection))
                .extracting(LoggedNotification::channel, LoggedNotification::status)
                .containsExactlyInAnyOrder(tuple("EMAIL", "SENT"),
                        tuple("IN_APP", "SENT")));
    }

    private TestDelegate registered(TestDelegate delegate) {
        TestEvents.publish(delegate.conference());
        TestEvents.publish(delegate.contact());
        TestEvents.publish(delegate.registered());
        await().until(() -> !mailServer.messagesTo(delegate.email()).isEmpty());
        return delegate;
    }

    private static String qrCodeIn(byte[] png) throws Exception {
        assertThat(png).as("badge.png attached").isNotNull();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of()).getText();
    }
}
