package org.learningcities.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.learningcities.notification.NotificationServiceTest;
import org.learningcities.security.Role;
import org.learningcities.testsupport.RealPostgres;
import org.learningcities.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks against the real infrastructure, with retries in fractions of a second and 127.0.0.1 allowed so that a
 * local receiver can play the partner.
 *
 * <p>This context stays out of the way of the module's other test contexts, which the test framework keeps running:
 * a database of its own, so their dispatchers (which refuse 127.0.0.1) never attempt these deliveries; only the
 * webhook binding, in a consumer group of its own, so it sees every event without taking partitions from theirs.
 */
@TestPropertySource(properties = {
        "notification.webhooks.allowed-private-networks=127.0.0.1/32",
        "notification.webhooks.retry-schedule=0s,300ms,300ms",
        "notification.webhooks.poll-interval=100ms",
        "spring.cloud.function.definition=partnerEvents",
        "spring.cloud.stream.bindings.partnerEvents-in-0.group=notification-service-webhooks-test"})
abstract class WebhookTest extends NotificationServiceTest {

    /** The partner client the tests subscribe as; operations staff (the default caller) see its subscriptions too. */
    static final String PARTNER = "partner-test";

    // The superclass's spring.datasource.url wins over a subclass's; the pool's own URL is bound after it.
    @DynamicPropertySource
    static void webhookDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.hikari.jdbc-url", () -> RealPostgres.database("notification_webhooks_test"));
    }

    @Autowired
    JsonMapper json;

    TestReceiver receiver;
    private final List<String> subscribed = new ArrayList<>();

    @BeforeEach
    void startReceiver() {
        receiver = TestReceiver.start();
    }

    /** Unsubscribes what the test subscribed, so later tests' events are not sent to receivers that are gone. */
    @AfterEach
    void unsubscribeAndStopReceiver() {
        subscribed.forEach(id -> mvc.delete().uri("/api/webhook-subscriptions/{id}", id).exchange());
        receiver.close();
    }

    /** Subscribes and answers the creation's body, which alone carries the secret. */
    Map<String, Object> subscribe(String url, List<String> eventTypes, String secret) {
        Map<String, Object> request = new HashMap<>(Map.of("url", url, "eventTypes", eventTypes));
        if (secret != null) {
            request.put("secret", secret);
        }
        MvcTestResult result = postSubscription(json.writeValueAsString(request));
        assertThat(result).hasStatus(201);
        return json.readValue(result.getResponse().getContentAsByteArray(), new TypeReference<>() {
        });
    }

    /** POSTs a subscription request as it is, remembering a subscription it creates so that it is removed after the test. */
    MvcTestResult postSubscription(String body) {
        return postSubscription(body, PARTNER);
    }

    /** POSTs a subscription request as the given partner client. */
    MvcTestResult postSubscription(String body, String partner) {
        MvcTestResult result = mvc.post().uri("/api/webhook-subscriptions")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(partner, Role.PARTNER))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
        if (result.getResponse().getStatus() == 201) {
            subscribed.add(json.readTree(result.getResponse().getContentAsByteArray()).get("id").asString());
        }
        return result;
    }

    Map<String, Object> subscription(String id) {
        MvcTestResult result = mvc.get().uri("/api/webhook-subscriptions/{id}", id).exchange();
        assertThat(result).hasStatusOk();
        return json.readValue(result.getResponse().getContentAsByteArray(), new TypeReference<>() {
        });
    }

    List<Delivery> deliveries(String subscriptionId) {
        MvcTestResult result = mvc.get().uri("/api/webhook-subscriptions/{id}/deliveries", subscriptionId).exchange();
        assertThat(result).hasStatusOk();
        return json.readValue(result.getResponse().getContentAsByteArray(), new TypeReference<>() {
        });
    }

    record Delivery(String id, String eventId, String eventType, String status, Instant createdAt,
                    Instant nextAttemptAt, Instant finishedAt, List<Attempt> attempts) {
    }

    record Attempt(int number, Instant attemptedAt, long durationMs, Integer httpStatus, String error,
                   String outcome, Instant nextAttemptAt) {
    }
}
