package org.learningcities.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.learningcities.notification.FakeSmsProvider;
import org.learningcities.notification.delivery.Channel;
import org.learningcities.notification.delivery.DeliveryOutcome;
import org.learningcities.notification.delivery.OutgoingMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SmsSenderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FakeSmsProvider primary = FakeSmsProvider.start();
    private final FakeSmsProvider secondary = FakeSmsProvider.start();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private SmsSender sender = senderFor(primary.url(), secondary.url());

    @AfterEach
    void stop() {
        sender.close();
        primary.close();
        secondary.close();
    }

    @Test
    void sendsThroughThePrimaryProvider() {
        primary.answers(202, "{\"id\":\"prov-42\"}");
        OutgoingMessage message = message("+8613800138000", "Your session moved to Hall 3 at 14:00.");

        DeliveryOutcome outcome = sender.send(message);

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Delivered("primary", "prov-42"));
        assertThat(primary.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.header("Authorization")).isEqualTo("Bearer primary-token");
            assertThat(request.header("Idempotency-Key")).isEqualTo(message.notificationId().toString());
            assertThat(request.header("Content-Type")).startsWith("application/json");
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.get("to").asString()).isEqualTo("+8613800138000");
            assertThat(body.get("from").asString()).isEqualTo("LearnCities");
            assertThat(body.get("text").asString()).isEqualTo("Your session moved to Hall 3 at 14:00.");
            assertThat(body.get("reference").asString()).isEqualTo(message.notificationId().toString());
            assertThat(body.properties()).hasSize(4);
        });
        assertThat(secondary.received()).isEmpty();
        assertThat(requests("primary", "delivered")).isEqualTo(1);
    }

    @Test
    void failsOverToTheSecondProviderWhenThePrimaryAnswers503() {
        primary.answers(503, "{\"error\":\"maintenance\"}");
        secondary.answers(200, "{\"id\":\"sec-7\"}");
        OutgoingMessage message = message("+8613800138000", "Plenary starts in 30 minutes.");

        DeliveryOutcome outcome = sender.send(message);

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Delivered("secondary", "sec-7"));
        assertThat(primary.received()).hasSize(1);
        assertThat(secondary.received()).singleElement().satisfies(request ->
                assertThat(request.header("Idempotency-Key")).isEqualTo(message.notificationId().toString()));
        assertThat(requests("primary", "failed")).isEqualTo(1);
        assertThat(requests("secondary", "delivered")).isEqualTo(1);
    }

    @Test
    void failsOverWhenThePrimaryIsUnreachable() {
        sender.close();
        sender = senderFor(closedPort(), secondary.url());
        secondary.answers(200, "{\"id\":\"sec-8\"}");

        DeliveryOutcome outcome = sender.send(message("+8613800138000", "Study visit bus leaves at 08:00."));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Delivered("secondary", "sec-8"));
        assertThat(requests("primary", "failed")).isEqualTo(1);
    }

    @Test
    void failsOverWhenThePrimaryDoesNotAnswerInTime() {
        sender.close();
        sender = new SmsSender(new SmsProperties(providers(primary.url(), secondary.url()), "LearnCities",
                Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(30)), JSON, meters);
        primary.answersAfter(Duration.ofSeconds(3));
        secondary.answers(200, "{\"id\":\"sec-9\"}");

        DeliveryOutcome outcome = sender.send(message("+8613800138000", "Room change."));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Delivered("secondary", "sec-9"));
    }

    @Test
    void skipsAFailedPrimaryDuringItsCoolDown() {
        primary.answers(500, "");
        secondary.answers(200, "{\"id\":\"sec-1\"}");
        sender.send(message("+8613800138000", "First."));

        DeliveryOutcome second = sender.send(message("+8613800138000", "Second."));

        assertThat(second).isEqualTo(new DeliveryOutcome.Delivered("secondary", "sec-1"));
        assertThat(primary.received()).hasSize(1);
        assertThat(secondary.received()).hasSize(2);

        // Cooling down means tried last, not abandoned: when the secondary fails too, the primary still gets its turn.
        secondary.answers(503, "");
        primary.answers(200, "{\"id\":\"prim-3\"}");
        DeliveryOutcome third = sender.send(message("+8613800138000", "Third."));

        assertThat(third).isEqualTo(new DeliveryOutcome.Delivered("primary", "prim-3"));
        assertThat(secondary.received()).hasSize(3);
        assertThat(primary.received()).hasSize(2);
    }

    @Test
    void givesUpWithoutFailoverWhenTheNumberIsRefused() {
        primary.answers(422, "{\"error\":\"invalid number\"}");

        DeliveryOutcome outcome = sender.send(message("+86000", "Hello."));

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.PermanentFailure.class, failure ->
                assertThat(failure.error()).contains("primary", "422", "invalid number"));
        assertThat(secondary.received()).isEmpty();
        assertThat(requests("primary", "refused")).isEqualTo(1);
    }

    @Test
    void reportsATemporaryFailureWhenEveryProviderFails() {
        primary.answers(429, "{\"error\":\"slow down\"}");
        secondary.answers(401, "{\"error\":\"bad token\"}");

        DeliveryOutcome outcome = sender.send(message("+8613800138000", "Hello."));

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.TemporaryFailure.class, failure ->
                assertThat(failure.error()).contains("primary: HTTP 429", "slow down", "secondary: HTTP 401"));
        assertThat(primary.received()).hasSize(1);
        assertThat(secondary.received()).hasSize(1);
    }

    @Test
    void refusesAMessageWithoutPhoneNumberWithoutCallingAnyProvider() {
        DeliveryOutcome outcome = sender.send(message(null, "Hello."));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.PermanentFailure("no phone number"));
        assertThat(primary.received()).isEmpty();
        assertThat(secondary.received()).isEmpty();
    }

    @Test
    void sendsChineseTextAsUtf8() {
        String chinese = "您的分论坛改至三号厅，下午两点开始。";

        sender.send(message("+8613800138000", chinese));

        assertThat(primary.received()).singleElement().satisfies(request ->
                assertThat(JSON.readTree(request.body()).get("text").asString()).isEqualTo(chinese));
    }

    private SmsSender senderFor(URI primaryUrl, URI secondaryUrl) {
        return new SmsSender(new SmsProperties(providers(primaryUrl, secondaryUrl), "LearnCities",
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30)), JSON, meters);
    }

    private static List<SmsProperties.Provider> providers(URI primaryUrl, URI secondaryUrl) {
        return List.of(new SmsProperties.Provider("primary", primaryUrl, "primary-token"),
                new SmsProperties.Provider("secondary", secondaryUrl, "secondary-token"));
    }

    private double requests(String provider, String outcome) {
        return meters.counter("notification.sms.provider.requests", "provider", provider, "outcome", outcome).count();
    }

    private static OutgoingMessage message(String phone, String shortText) {
        return new OutgoingMessage(UUID.randomUUID(), Channel.SMS, "reg-1", "Li Wei", "li.wei@example.org", phone,
                "zh", "Subject", "Body", shortText, List.of(), true);
    }

    /** A port nothing listens on: connecting is refused at once. */
    private static URI closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/messages");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
