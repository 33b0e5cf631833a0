package org.learningcities.registration.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.learningcities.contracts.Topics;
import org.learningcities.contracts.agenda.ConferenceScheduled;
import org.learningcities.registration.RegistrationIntegrationTest;
import org.learningcities.testsupport.TestEvents;
import org.learningcities.testsupport.TopicRecords;
import org.learningcities.testsupport.TopicRecords.Received;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The trace of a registration request leaves with its events: the outbox keeps the request's trace context on the
 * row, and the relay, sending later from its own thread, puts it on the Kafka record as W3C traceparent.
 */
class TraceIntoKafkaTest extends RegistrationIntegrationTest {

    @Test
    void publishesTheRegistrationEventsInTheTraceOfTheRequestThatCausedThem() {
        String conference = openConference();
        String traceId = hex(16);
        String callerSpanId = hex(8);

        ResponseEntity<Map> created = http.post().uri("/api/conferences/{id}/registrations", conference)
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .contentType(MediaType.APPLICATION_JSON).body(delegate()).retrieve().toEntity(Map.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String id = (String) created.getBody().get("id");

        Received registered = TopicRecords.await(Topics.REGISTRATION_DELEGATES, record -> id.equals(record.key()));
        Received contact = TopicRecords.await(Topics.REGISTRATION_CONTACTS_INTERNAL, record -> id.equals(record.key()));
        for (Received event : List.of(registered, contact)) {
            String[] traceparent = event.headers().get("traceparent").split("-");
            assertThat(traceparent[0]).isEqualTo("00");
            assertThat(traceparent[1]).as("the caller's trace").isEqualTo(traceId);
            assertThat(traceparent[2]).as("a span of this service, within the caller's").hasSize(16)
                    .isNotEqualTo(callerSpanId);
            assertThat(traceparent[3]).as("sampled").isEqualTo("01");
        }
    }

    @Test
    void startsATraceForARequestThatCameWithoutOneAndStillPublishesItsId() {
        String conference = openConference();

        ResponseEntity<Map> created = http.post().uri("/api/conferences/{id}/registrations", conference)
                .contentType(MediaType.APPLICATION_JSON).body(delegate()).retrieve().toEntity(Map.class);
        String id = (String) created.getBody().get("id");

        Received registered = TopicRecords.await(Topics.REGISTRATION_DELEGATES, record -> id.equals(record.key()));
        assertThat(registered.headers().get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    /** Plays agenda-service: announces an open conference and waits until this service knows it. */
    private String openConference() {
        String id = "iclc-" + UUID.randomUUID();
        TestEvents.publish(new ConferenceScheduled(id, "International Conference on Learning Cities", "Medellín",
                "CO", "Plaza Mayor", "America/Bogota", LocalDate.parse("2019-10-01"), LocalDate.parse("2019-10-03"),
                List.of("en", "es"), Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS),
                500, false));
        return awaitKnownConference(id);
    }

    private static Map<String, Object> delegate() {
        return Map.ofEntries(
                Map.entry("givenName", "Camila"), Map.entry("familyName", "Restrepo"),
                Map.entry("email", "camila." + UUID.randomUUID() + "@medellin.example"),
                Map.entry("phone", "+5746044444"), Map.entry("organisation", "Secretaría de Educación de Medellín"),
                Map.entry("position", "Director"), Map.entry("category", "CITY_EDUCATION_EXECUTIVE"),
                Map.entry("countryCode", "CO"), Map.entry("city", "Medellín"),
                Map.entry("correspondenceLanguage", "es"), Map.entry("listeningLanguages", List.of("es", "en")));
    }

    private static String hex(int bytes) {
        StringBuilder hex = new StringBuilder();
        ThreadLocalRandom.current().ints(bytes, 0, 256).forEach(b -> hex.append(String.format("%02x", b)));
        return hex.toString();
    }
}
