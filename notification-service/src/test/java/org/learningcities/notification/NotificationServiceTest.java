package org.learningcities.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.learningcities.testsupport.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service against real infrastructure: PostgreSQL, a KRaft Kafka broker and an SMTP server.
 * Retries are fast here so that an outage of the mail server can be tested in seconds.
 */
@SpringBootTest(properties = {
        "notification.mail.poll-interval=100ms",
        "notification.mail.initial-backoff=200ms",
        "notification.mail.max-backoff=1s"})
@AutoConfigureMockMvc
public abstract class NotificationServiceTest {

    protected static final TestMailServer mailServer = TestMailServer.startOnFreePort();

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "notification_test");
        registry.add("spring.mail.host", mailServer::host);
        registry.add("spring.mail.port", mailServer::port);
    }

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

    protected record LoggedNotification(String id, String recipientId, String conferenceId, String channel,
                                        String template, String language, String status, int attempts,
                                        Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError) {
    }
}
