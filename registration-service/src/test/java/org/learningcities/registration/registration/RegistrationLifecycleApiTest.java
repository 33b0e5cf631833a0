package org.learningcities.registration.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.learningcities.contracts.agenda.ConferenceScheduled;
import org.learningcities.registration.RegistrationIntegrationTest;
import org.learningcities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the workflow and profile-change tests share: one application with a clock they can move, offers
 * swept every 200 ms, a conference whose profile changes closed before the tests began and one that
 * moderates them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "registration.waitlist.expiry-interval=PT0.2S")
@Import(MutableClockConfiguration.class)
abstract class RegistrationLifecycleApiTest extends RegistrationIntegrationTest {

    /** Approved delegates of this conference could change their profile until an hour ago. */
    static final String CONFERENCE_WITH_CLOSED_CHANGES = "iclc-closed-" + UUID.randomUUID();
    /** Approved delegates' changes of this conference wait for the secretariat. */
    static final String CONFERENCE_WITH_MODERATED_CHANGES = "iclc-moderated-" + UUID.randomUUID();

    @DynamicPropertySource
    static void changeRules(DynamicPropertyRegistry registry) {
        registry.add("registration.change-rules." + CONFERENCE_WITH_CLOSED_CHANGES + ".rule", () -> "CLOSED");
        registry.add("registration.change-rules." + CONFERENCE_WITH_CLOSED_CHANGES + ".changes-close-at",
                () -> Instant.now().minus(1, ChronoUnit.HOURS).toString());
        registry.add("registration.change-rules." + CONFERENCE_WITH_MODERATED_CHANGES + ".rule", () -> "MODERATED");
    }

    @Autowired
    MutableClock clock;

    String register(String conference, String email) {
        return (String) http.post().uri("/api/conferences/{id}/registrations", conference)
                .contentType(MediaType.APPLICATION_JSON).body(delegate(email)).retrieve().body(Map.class).get("id");
    }

    ResponseEntity<Map> post(String path, String registrationId) {
        return http.post().uri("/api/registrations/{id}/" + path, registrationId).retrieve().toEntity(Map.class);
    }

    ResponseEntity<Map> reject(String registrationId, String reason) {
        return http.post().uri("/api/registrations/{id}/rejection", registrationId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", reason))
                .retrieve().toEntity(Map.class);
    }

    ResponseEntity<Map> patch(String registrationId, Map<String, Object> changes) {
        return http.patch().uri("/api/registrations/{id}", registrationId)
                .contentType(MediaType.APPLICATION_JSON).body(changes).retrieve().toEntity(Map.class);
    }

    Map<String, Object> read(String registrationId) {
        return http.get().uri("/api/registrations/{id}", registrationId).retrieve().body(Map.class);
    }

    String openConference(int capacity) {
        return openConference("iclc-" + UUID.randomUUID(), capacity);
    }

    /** Plays agenda-service: announces a conference and waits until this service knows it. */
    String openConference(String id, int capacity) {
        TestEvents.publish(new ConferenceScheduled(id, "International Conference on Learning Cities", "Beijing", "CN",
                "Beijing International Hotel", "Asia/Shanghai", LocalDate.parse("2013-10-21"),
                LocalDate.parse("2013-10-23"), List.of("en", "zh", "fr", "es"),
                Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS), capacity, false));
        return awaitKnownConference(id);
    }

    static Map<String, Object> delegate(String email) {
        return Map.ofEntries(
                Map.entry("givenName", "Ling"), Map.entry("familyName", "Wang"), Map.entry("email", email),
                Map.entry("phone", "+861065126688"), Map.entry("organisation", "Beijing Municipal Education Commission"),
                Map.entry("position", "Director"), Map.entry("category", "CITY_EDUCATION_EXECUTIVE"),
                Map.entry("countryCode", "CN"), Map.entry("city", "Beijing"),
                Map.entry("correspondenceLanguage", "zh"), Map.entry("listeningLanguages", List.of("zh", "en")));
    }

    static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID() + "@example.org";
    }

    static List<Object> fields(ResponseEntity<Map> problem) {
        return ((List<Map<String, Object>>) problem.getBody().get("errors")).stream()
                .map(error -> error.get("field")).toList();
    }
}
