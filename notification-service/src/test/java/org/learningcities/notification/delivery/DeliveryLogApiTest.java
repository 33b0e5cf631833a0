package org.learningcities.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.learningcities.notification.NotificationServiceTest;
import org.learningcities.notification.TestDelegate;
import org.learningcities.testsupport.TestEvents;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class DeliveryLogApiTest extends NotificationServiceTest {

    @Test
    void listsARecipientsNotificationsNewestFirstWithChannelLanguageStatusAndAttempts() {
        TestDelegate delegate = TestDelegate.named("Grace", "Okafor", "en");
        TestEvents.publish(delegate.conference());
        TestEvents.publish(delegate.contact());
        String registered = TestEvents.publish(delegate.registered());
        await().until(() -> deliveryLog(delegate.registrationId()).size() == 2);

        String rejected = TestEvents.publish(delegate.rejected("Not a delegate of a Member State"));

        await().untilAsserted(() -> {
            List<LoggedNotification> log = deliveryLog(delegate.registrationId());
            assertThat(log).extracting(LoggedNotification::eventId, LoggedNotification::channel)
                    .containsExactly(tuple(rejected, "EMAIL"), tuple(rejected, "IN_APP"),
                            tuple(registered, "EMAIL"), tuple(registered, "IN_APP"));
            assertThat(log).allSatisfy(logged -> {
                assertThat(logged.recipientId()).isEqualTo(delegate.registrationId());
                assertThat(logged.recipientKind()).isEqualTo("DELEGATE");
                assertThat(logged.conferenceId()).isEqualTo(delegate.conferenceId());
                assertThat(logged.language()).isEqualTo("en");
                assertThat(logged.status()).isEqualTo("SENT");
                assertThat(logged.attempts()).isEqualTo(1);
                assertThat(logged.sentAt()).isAfterOrEqualTo(logged.createdAt());
                assertThat(logged.lastError()).isNull();
            });
            assertThat(log).extracting(LoggedNotification::provider).containsOnly("smtp", "in-app");
            assertThat(log.get(0).template()).isEqualTo("registration-rejected");
            assertThat(log.get(2).template()).isEqualTo("registration-received");
        });
    }

    @Test
    void showsOneNotificationById() {
        TestDelegate delegate = TestDelegate.named("José", "Martínez", "es-419");
        TestEvents.publish(delegate.conference());
        TestEvents.publish(delegate.contact());
        TestEvents.publish(delegate.registered());
        String id = await().until(() -> deliveryLog(delegate.registrationId(), "EMAIL"),
                        log -> log.size() == 1 && log.getFirst().status().equals("SENT"))
                .getFirst().id();

        assertThat(mvc.get().uri("/api/notifications/{id}", id))
                .hasStatusOk()
                .bodyJson()
                .hasPathSatisfying("$.id", value -> assertThat(value).asString().isEqualTo(id))
                .hasPathSatisfying("$.recipientId",
                        value -> assertThat(value).asString().isEqualTo(delegate.registrationId()))
                .hasPathSatisfying("$.channel", value -> assertThat(value).asString().isEqualTo("EMAIL"))
                .hasPathSatisfying("$.language", value -> assertThat(value).asString().isEqualTo("es"));
    }

    @Test
    void answersNotFoundAsProblemForAnUnknownNotification() {
        for (String unknownId : List.of(UUID.randomUUID().toString(), "not-a-notification-id")) {
            assertThat(mvc.get().uri("/api/notifications/{id}", unknownId))
                    .hasStatus(HttpStatus.NOT_FOUND)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson()
                    .hasPathSatisfying("$.detail", detail -> assertThat(detail).asString().contains(unknownId));
        }
    }

    @Test
    void rejectsAListWithoutRecipientNamingTheMissingParameter() {
        for (var request : List.of(mvc.get().uri("/api/notifications"),
                mvc.get().uri("/api/notifications").param("recipientId", " "))) {
            assertThat(request)
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson()
                    .hasPathSatisfying("$.errors[0].field",
                            field -> assertThat(field).asString().isEqualTo("recipientId"));
        }
    }

    @Test
    void answersAnEmptyLogForARecipientWithoutNotifications() {
        assertThat(deliveryLog("reg-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void documentsTheDeliveryLogInOpenApiWithTheRecipientRequired() {
        assertThat(mvc.get().uri("/v3/api-docs"))
                .hasStatusOk()
                .bodyJson()
                .hasPath("$.paths['/api/notifications/{notificationId}'].get")
                .hasPathSatisfying("$.paths['/api/notifications'].get.parameters[?(@.name == 'recipientId')].required",
                        required -> assertThat(required).asArray().containsExactly(true));
    }

    @Test
    void exposesProbesAndPrometheusMetricsForOperations() {
        assertThat(mvc.get().uri("/actuator/health/liveness")).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/prometheus")).hasStatusOk()
                .bodyText().contains("jvm_memory_used_bytes");
    }
}
