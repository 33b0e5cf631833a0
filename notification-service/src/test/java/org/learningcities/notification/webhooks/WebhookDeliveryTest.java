package org.learningcities.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.learningcities.contracts.EventCatalog;
import org.learningcities.contracts.registration.DelegateApproved;
import org.learningcities.contracts.registration.DelegateCheckedIn;
import org.learningcities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Events other tests publish may reach these subscriptions too: every assertion names the events it is about. */
class WebhookDeliveryTest extends WebhookTest {

    private static final String CHECKED_IN = EventCatalog.DELEGATE_CHECKED_IN.type();
    private static final String APPROVED = EventCatalog.DELEGATE_APPROVED.type();

    @Autowired
    private MeterRegistry meters;

    @Test
    void signsEachDeliveryAsStandardWebhooksSpecify() throws Exception {
        String secret = "whsec_" + Base64.getEncoder().encodeToString(
                "a partner's 32-byte signing key!".getBytes(StandardCharsets.US_ASCII));
        subscribe(receiver.url(), List.of(CHECKED_IN), secret);
        long before = Instant.now().getEpochSecond();

        String eventId = TestEvents.publish(checkedIn("reg-" + UUID.randomUUID()));

        TestReceiver.Received request = awaitRequests(receiver, eventId).getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo("/hooks/learning-cities?portal=beijing");
        assertThat(request.header("content-type")).startsWith("application/json");
        assertThat(Long.parseLong(request.header("webhook-timestamp")))
                .isBetween(before, Instant.now().getEpochSecond());
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        String signature = request.header("webhook-signature");
        assertThat(signature).startsWith("v1,");
        assertThat(partnerAccepts(secret, id, timestamp, request.body(), signature)).isTrue();
        assertThat(partnerAccepts(secret, id, timestamp, request.body().replace(eventId, UUID.randomUUID().toString()),
                signature)).as("a tampered body").isFalse();
        assertThat(partnerAccepts(secret, id, Long.toString(Long.parseLong(timestamp) - 600), request.body(),
                signature)).as("a replayed signature with another timestamp").isFalse();
        assertThat(partnerAccepts("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), id, timestamp,
                request.body(), signature)).as("another secret").isFalse();
    }

    @Test
    void deliversTheEventAsAStructuredCloudEvent() {
        subscribe(receiver.url(), List.of(CHECKED_IN), null);
        DelegateCheckedIn event = checkedIn("reg-" + UUID.randomUUID());

        String eventId = TestEvents.publish(event);

        JsonNode document = json.readTree(awaitRequests(receiver, eventId).getFirst().body());
        assertThat(document.get("specversion").asString()).isEqualTo("1.0");
        assertThat(document.get("id").asString()).isEqualTo(eventId);
        assertThat(document.get("type").asString()).isEqualTo(CHECKED_IN);
        assertThat(document.get("source").asString()).isEqualTo("/learningcities/test");
        assertThat(document.get("subject").asString()).isEqualTo(event.registrationId());
        assertThat(Instant.parse(document.get("time").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(document.get("datacontenttype").asString()).isEqualTo("application/json");
        JsonNode data = document.get("data");
        assertThat(data.get("registrationId").asString()).isEqualTo(event.registrationId());
        assertThat(data.get("conferenceId").asString()).isEqualTo(event.conferenceId());
        assertThat(Instant.parse(data.get("checkedInAt").asString())).isEqualTo(event.checkedInAt());
    }

    @Test
    void retriesAfterAServerErrorUntilDelivered() {
        String subscriptionId = id(subscribe(receiver.url(), List.of(CHECKED_IN), null));
        double retriedBefore = count("retried");
        double deliveredBefore = count("delivered");
        String eventId = UUID.randomUUID().toString();
        receiver.answer(eventId, 500, 503, 200);

        TestEvents.publish(checkedIn("reg-" + UUID.randomUUID()), eventId);

        Delivery delivery = awaitDelivery(subscriptionId, eventId, "DELIVERED");
        assertThat(delivery.attempts()).extracting(Attempt::httpStatus).containsExactly(500, 503, 200);
        List<TestReceiver.Received> requests = receiver.requestsFor(eventId);
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(TestReceiver.Received::body).containsOnly(requests.getFirst().body());
        assertThat(count("retried")).isGreaterThanOrEqualTo(retriedBefore + 2);
        assertThat(count("delivered")).isGreaterThanOrEqualTo(deliveredBefore + 1);
    }

    @Test
    void failsTheDeliveryAfterTheLastScheduledAttempt() {
        String subscriptionId = id(subscribe(receiver.url(), List.of(CHECKED_IN), null));
        double failedBefore = count("failed");
        String eventId = UUID.randomUUID().toString();
        receiver.answer(eventId, 500);

        TestEvents.publish(checkedIn("reg-" + UUID.randomUUID()), eventId);

        Delivery delivery = awaitDelivery(subscriptionId, eventId, "FAILED");
        assertThat(delivery.attempts()).extracting(Attempt::outcome).containsExactly("RETRY", "RETRY", "FAILED");
        assertThat(delivery.nextAttemptAt()).isNull();
        assertThat(delivery.finishedAt()).isNotNull();
        assertThat(receiver.requestsFor(eventId)).hasSize(3);
        assertThat(count("failed")).isGreaterThanOrEqualTo(failedBefore + 1);
    }

    @Test
    void disablesTheSubscriptionWhenThePartnerAnswersGone() {
        String goneId = id(subscribe(receiver.url(), List.of(CHECKED_IN), null));
        double disabledBefore = count("disabled");
        String registrationId = "reg-" + UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        receiver.answer(first, 410);

        TestEvents.publish(checkedIn(registrationId), first);

        Delivery cancelled = awaitDelivery(goneId, first, "CANCELLED");
        assertThat(cancelled.attempts()).extracting(Attempt::outcome).containsExactly("GONE");
        assertThat(cancelled.attempts()).extracting(Attempt::httpStatus).containsExactly(410);
        Map<String, Object> disabled = subscription(goneId);
        assertThat(disabled.get("status")).isEqualTo("DISABLED");
        assertThat(disabled.get("disabledReason")).asString().contains("410 Gone");
        assertThat(disabled.get("disabledAt")).isNotNull();
        assertThat(count("disabled")).isGreaterThanOrEqualTo(disabledBefore + 1);

        try (TestReceiver other = TestReceiver.start()) {
            subscribe(other.url(), List.of(CHECKED_IN), null);
            String second = TestEvents.publish(checkedIn(registrationId));
            awaitRequests(other, second);
            assertThat(deliveries(goneId)).extracting(Delivery::eventId).doesNotContain(second);
            assertThat(deliveries(goneId)).extracting(Delivery::status).doesNotContain("PENDING");
            assertThat(receiver.requestsFor(second)).isEmpty();
        }
    }

    @Test
    void deliversARedeliveredEventOnce() {
        String subscriptionId = id(subscribe(receiver.url(), List.of(CHECKED_IN), null));
        DelegateCheckedIn event = checkedIn("reg-" + UUID.randomUUID());
        String eventId = TestEvents.publish(event);
        TestEvents.publish(event, eventId);

        // Same key, same partition: once the later event is delivered, both copies of the first were consumed.
        String later = TestEvents.publish(checkedIn(event.registrationId()));

        awaitRequests(receiver, later);
        awaitDelivery(subscriptionId, eventId, "DELIVERED");
        assertThat(receiver.requestsFor(eventId)).hasSize(1);
        assertThat(deliveries(subscriptionId)).filteredOn(delivery -> delivery.eventId().equals(eventId)).hasSize(1);
    }

    @Test
    void doesNotDeliverEventTypesNotSubscribedTo() {
        String subscriptionId = id(subscribe(receiver.url(), List.of(CHECKED_IN), null));
        String registrationId = "reg-" + UUID.randomUUID();

        String approved = TestEvents.publish(approved(registrationId));
        // Same key, same partition: once this one is delivered, the approval before it was consumed.
        String checkedIn = TestEvents.publish(checkedIn(registrationId));

        awaitRequests(receiver, checkedIn);
        assertThat(receiver.requestsFor(approved)).isEmpty();
        assertThat(deliveries(subscriptionId)).extracting(Delivery::eventId).doesNotContain(approved);
        assertThat(deliveries(subscriptionId)).extracting(Delivery::eventType).containsOnly(CHECKED_IN);

        try (TestReceiver other = TestReceiver.start()) {
            subscribe(other.url(), List.of(APPROVED), null);
            String approvedAgain = TestEvents.publish(approved(registrationId));
            awaitRequests(other, approvedAgain);
            assertThat(receiver.requestsFor(approvedAgain)).as("the approval reaches who wants it, only").isEmpty();
        }
    }

    @Test
    void showsEveryAttemptInTheDeliveryHistory() {
        String subscriptionId = id(subscribe(receiver.url(), List.of(CHECKED_IN), null));
        String registrationId = "reg-" + UUID.randomUUID();
        String older = UUID.randomUUID().toString();
        receiver.answer(older, 500, 204);
        TestEvents.publish(checkedIn(registrationId), older);
        awaitDelivery(subscriptionId, older, "DELIVERED");

        String newer = TestEvents.publish(checkedIn(registrationId));
        awaitDelivery(subscriptionId, newer, "DELIVERED");

        List<Delivery> history = deliveries(subscriptionId).stream()
                .filter(delivery -> List.of(older, newer).contains(delivery.eventId()))
                .toList();
        assertThat(history).extracting(Delivery::eventId).containsExactly(newer, older);
        assertThat(history).extracting(Delivery::eventType).containsOnly(CHECKED_IN);
        assertThat(history.getFirst().attempts()).extracting(Attempt::outcome).containsExactly("DELIVERED");
        Delivery retried = history.get(1);
        assertThat(retried.attempts()).hasSize(2);
        Attempt failedAttempt = retried.attempts().get(0);
        assertThat(failedAttempt.number()).isEqualTo(1);
        assertThat(failedAttempt.httpStatus()).isEqualTo(500);
        assertThat(failedAttempt.error()).isEqualTo("HTTP 500");
        assertThat(failedAttempt.outcome()).isEqualTo("RETRY");
        assertThat(failedAttempt.durationMs()).isNotNegative();
        assertThat(failedAttempt.nextAttemptAt()).isAfter(failedAttempt.attemptedAt());
        Attempt deliveredAttempt = retried.attempts().get(1);
        assertThat(deliveredAttempt.number()).isEqualTo(2);
        assertThat(deliveredAttempt.httpStatus()).isEqualTo(204);
        assertThat(deliveredAttempt.error()).isNull();
        assertThat(deliveredAttempt.outcome()).isEqualTo("DELIVERED");
        assertThat(deliveredAttempt.nextAttemptAt()).isNull();
        assertThat(deliveredAttempt.attemptedAt()).isAfterOrEqualTo(failedAttempt.nextAttemptAt());
        assertThat(retried.nextAttemptAt()).isNull();
        assertThat(retried.finishedAt()).isAfterOrEqualTo(deliveredAttempt.attemptedAt());
    }

    private Delivery awaitDelivery(String subscriptionId, String eventId, String status) {
        return await().until(() -> deliveries(subscriptionId).stream()
                        .filter(delivery -> delivery.eventId().equals(eventId) && delivery.status().equals(status))
                        .findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static List<TestReceiver.Received> awaitRequests(TestReceiver receiver, String eventId) {
        return await().until(() -> receiver.requestsFor(eventId), requests -> !requests.isEmpty());
    }

    /** What a partner does with the three headers: an HMAC of its own, compared in constant time. */
    private static boolean partnerAccepts(String secret, String id, String timestamp, String body, String signatures)
            throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        for (String signature : signatures.split(" ")) {
            String[] versionAndValue = signature.split(",", 2);
            if (versionAndValue[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(versionAndValue[1]))) {
                return true;
            }
        }
        return false;
    }

    private double count(String outcome) {
        Counter counter = meters.find("notification.webhook.deliveries").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String id(Map<String, Object> subscription) {
        return (String) subscription.get("id");
    }

    private static DelegateCheckedIn checkedIn(String registrationId) {
        return new DelegateCheckedIn(registrationId, "iclc-2013", Instant.now().minus(Duration.ofMinutes(1)));
    }

    private static DelegateApproved approved(String registrationId) {
        return new DelegateApproved(registrationId, "iclc-2013", "MAYOR", List.of("zh", "en"),
                Instant.parse("2013-09-01T08:00:00Z"));
    }
}
