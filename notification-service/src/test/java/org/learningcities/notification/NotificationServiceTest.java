package org.learningcities.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.learningcities.testsupport.RealInfrastructure;
import org.learningcities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service against real infrastructure: PostgreSQL, a KRaft Kafka broker, an SMTP server and two
 * local HTTP servers playing SMS providers.
 * Retries are fast here so that an outage of the mail server can be tested in seconds.
 */
@SpringBootTest(properties = {
        "notification.delivery.poll-interval=100ms",
        "notification.delivery.initial-backoff=200ms",
        "notification.delivery.max-backoff=1s"})
@AutoConfigureMockMvc
@Import(StaffTokenByDefault.class)
public abstract class NotificationServiceTest {

    protected static final TestMailServer mailServer = TestMailServer.startOnFreePort();
    /** Two real HTTP servers playing SMS providers, in the order the service tries them. */
    protected static final FakeSmsProvider primarySms = FakeSmsProvider.start();
    protected static final FakeSmsProvider secondarySms = FakeSmsProvider.start();

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "notification_test");
        registry.add("spring.mail.host", mailServer::host);
        registry.add("spring.mail.port", mailServer::port);
        registry.add("notification.sms.providers[0].name", () -> "primary");
        registry.add("notification.sms.providers[0].url", primarySms::url);
        registry.add("notification.sms.providers[0].token", () -> "primary-token");
        registry.add("notification.sms.providers[1].name", () -> "secondary");
        registry.add("notification.sms.providers[1].url", secondarySms::url);
        registry.add("notification.sms.providers[1].token", () -> "secondary-token");
        // Each test decides which provider fails; none should inherit a cool-down from the one before.
        registry.add("notification.sms.cool-down", () -> "0s");
    }

    /** Goes through the service's real security filter chain, as the staff account unless a request says otherwise. */
    @Autowired
    protected MockMvcTester mvc;
    @Autowired
    private JsonMapper json;

    @BeforeAll
    static void allowForConsumersJoiningTheirGroups() {
        Awaitility.setDefaultTimeout(Duration.ofSeconds(60));
    }

    /** The recipient's notifications as the delivery log API lists them. */
    protected List<LoggedNotification> deliveryLog(String recipientId) {
        MvcTestResult result = mvc.get().uri("/api/notifications").param("recipientId", recipientId).exchange();
        assertThat(result).hasStatusOk();
        return json.readValue(result.getResponse().getContentAsByteArray(), new TypeReference<>() {
        });
    }

    /** The recipient's notifications over one channel, newest first. */
    protected List<LoggedNotification> deliveryLog(String recipientId, String channel) {
        return deliveryLog(recipientId).stream().filter(logged -> logged.channel().equals(channel)).toList();
    }

    /**
     * Sets a delegate's preferences through the API as the delegate themselves, once this service knows the
     * delegate and that their account acts for the registration (contact and account links arrive on their own
     * topics, so a moment after the registration).
     */
    protected void setPreferences(TestDelegate delegate, String preferences) {
        TestEvents.publish(delegate.accountsLinked());
        await().untilAsserted(() -> assertThat(mvc.put().uri("/api/notification-preferences/{id}",
                        delegate.registrationId())
                .header(HttpHeaders.AUTHORIZATION, delegate.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(preferences)).hasStatusOk());
    }

    /** One notification as the delivery log API shows it, if it exists. */
    protected Optional<LoggedNotification> notification(String notificationId) {
        MvcTestResult result = mvc.get().uri("/api/notifications/{id}", notificationId).exchange();
        if (result.getResponse().getStatus() != 200) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(result.getResponse().getContentAsByteArray(), LoggedNotification.class));
    }

    /** The e-mails the SMTP server received for this address that the given event caused. */
    protected List<MimeMessage> emailsCausedBy(String address, String eventId) {
        return mailServer.messagesTo(address).stream()
                .filter(mail -> notification(header(mail, "X-Notification-Id"))
                        .filter(logged -> logged.eventId().equals(eventId)).isPresent())
                .toList();
    }

    /** Waits for the one e-mail to this address the event caused. */
    protected MimeMessage awaitEmailCausedBy(String address, String eventId) {
        return await().until(() -> emailsCausedBy(address, eventId), mails -> !mails.isEmpty()).getFirst();
    }

    private static String header(MimeMessage mail, String name) {
        try {
            return mail.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected record LoggedNotification(String id, String eventId, String recipientId, String recipientKind,
                                        String conferenceId, String channel, String template, String language,
                                        String status, boolean critical, int attempts, String provider,
                                        Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError) {
    }
}
