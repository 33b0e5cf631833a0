package org.learningcities.registration.visa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.learningcities.registration.RegistrationIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learningcities.contracts.Topics;
import org.learningcities.contracts.agenda.ConferenceScheduled;
import org.learningcities.testsupport.TestEvents;
import org.learningcities.testsupport.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExtendWith(OutputCaptureExtension.class)
class VisaLetterApiTest extends RegistrationIntegrationTest {

    private static final String PASSPORT_NUMBER = "E98765432";

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesThePassportDataOnlyEncrypted() {
        String conference = conferenceEnding(LocalDate.parse("2013-10-23"));

        String id = registerWithVisaLetter(conference, "encrypted@example.org");

        Map<String, Object> stored = jdbc.sql("select nonce, ciphertext from visa_letter_request where registration_id = ?")
                .param(id).query().singleRow();
        assertThat((byte[]) stored.get("nonce")).hasSize(12);
        assertThat(new String((byte[]) stored.get("ciphertext"), StandardCharsets.ISO_8859_1))
                .doesNotContain(PASSPORT_NUMBER, "1968-02-29");
    }

    @Test
    void givesTheVisaDeskThePassportDataDecrypted() {
        String conference = conferenceEnding(LocalDate.parse("2013-10-23"));
        String id = registerWithVisaLetter(conference, "visa-desk@example.org");

        ResponseEntity<Map> visaLetter = http.get().uri("/api/registrations/{id}/visa-letter", id)
                .retrieve().toEntity(Map.class);

        assertThat(visaLetter.getStatusCode().value()).isEqualTo(200);
        assertThat(visaLetter.getBody()).containsEntry("passportNumber", PASSPORT_NUMBER)
                .containsEntry("nationality", "CN").containsEntry("dateOfBirth", "1968-02-29")
                .containsEntry("passportExpiry", "2031-12-31");
    }

    @Test
    void showsOnlyThatAVisaLetterWasRequestedInViewsSearchesAndEvents() {
        String conference = conferenceEnding(LocalDate.parse("2013-10-23"));
        String id = registerWithVisaLetter(conference, "no-leak@example.org");

        String view = http.get().uri("/api/registrations/{id}", id).retrieve().body(String.class);
        String search = http.get().uri("/api/conferences/{id}/registrations", conference).retrieve().body(String.class);
        String delegateEvent = TopicRecords.await(Topics.REGISTRATION_DELEGATES, record -> id.equals(record.key())).value();
        String contactEvent = TopicRecords.await(Topics.REGISTRATION_CONTACTS_INTERNAL,
                record -> id.equals(record.key())).value();

        assertThat(view).contains("\"visaLetterRequested\":true");
        for (String published : List.of(view, search, delegateEvent, contactEvent)) {
            assertThat(published).doesNotContain(PASSPORT_NUMBER, "1968-02-29", "2031-12-31", "passport");
        }
    }

    @Test
    void writesNoPassportDataToTheLogs(CapturedOutput logs) {
        String conference = conferenceEnding(LocalDate.parse("2013-10-23"));
        String id = registerWithVisaLetter(conference, "quiet-logs@example.org");
        Map<String, Object> refused = delegate("refused-passport@example.org");
        refused.put("visaLetter", Map.of("passportNumber", "Z9Z9Z9Z9Z9Z9Z9Z9Z9Z9Z9", "nationality", "CN",
                "dateOfBirth", "1968-02-29", "passportExpiry", "2031-12-31"));
        register(conference, refused);
        http.get().uri("/api/registrations/{id}/visa-letter", id).retrieve().toBodilessEntity();
        TopicRecords.await(Topics.REGISTRATION_DELEGATES, record -> id.equals(record.key()));

        assertThat(logs.getAll()).doesNotContain(PASSPORT_NUMBER, "Z9Z9Z9Z9Z9Z9Z9Z9Z9Z9Z9");
    }

    @Test
    void erasesThePassportDataOnRequest() {
        String conference = conferenceEnding(LocalDate.parse("2013-10-23"));
        String id = registerWithVisaLetter(conference, "erase-me@example.org");

        int erased = http.delete().uri("/api/registrations/{id}/visa-letter", id).retrieve().toBodilessEntity()
                .getStatusCode().value();

        assertThat(erased).isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from visa_letter_request where registration_id = ?").param(id)
                .query(Long.class).single()).isZero();
        assertThat(http.get().uri("/api/registrations/{id}/visa-letter", id).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
        assertThat(http.get().uri("/api/registrations/{id}", id).retrieve().body(Map.class))
                .containsEntry("visaLetterRequested", false);
    }

    @Test
    void namesEveryInvalidVisaLetterField() {
        String conference = conferenceEnding(LocalDate.parse("2013-10-23"));
        Map<String, Object> request = delegate("bad-passport@example.org");
        request.put("visaLetter", Map.of("passportNumber", "AB-1", "nationality", "XX",
                "dateOfBirth", LocalDate.now().plusDays(1).toString(), "passportExpiry", "2001-01-01"));

        ResponseEntity<Map> response = register(conference, request);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fields(response)).containsExactlyInAnyOrder("visaLetter.passportNumber",
                "visaLetter.nationality", "visaLetter.dateOfBirth", "visaLetter.passportExpiry");
    }

    @Test
    void refusesAPassportThatExpiresBeforeTheConferenceEndsAndKeepsNoRegistration() {
        LocalDate lastDay = LocalDate.now().plusYears(2);
        String conference = conferenceEnding(lastDay);
        Map<String, Object> request = delegate("expires-too-soon@example.org");
        request.put("visaLetter", visaLetter(lastDay.minusDays(1)));

        ResponseEntity<Map> response = register(conference, request);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("visaLetter.passportExpiry");
        assertThat(http.get().uri("/api/conferences/{id}/registrations", conference).retrieve().body(List.class))
                .isEmpty();
    }

    private String registerWithVisaLetter(String conference, String email) {
        Map<String, Object> request = delegate(email);
        request.put("visaLetter", visaLetter(LocalDate.parse("2031-12-31")));
        ResponseEntity<Map> created = register(conference, request);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return (String) created.getBody().get("id");
    }

    private ResponseEntity<Map> register(String conference, Map<String, Object> request) {
        return http.post().uri("/api/conferences/{id}/registrations", conference)
                .contentType(MediaType.APPLICATION_JSON).body(request).retrieve().toEntity(Map.class);
    }

    /** Plays agenda-service: announces a conference open for registration and waits until this service knows it. */
    private String conferenceEnding(LocalDate lastDay) {
        String id = "iclc-" + UUID.randomUUID();
        TestEvents.publish(new ConferenceScheduled(id, "International Conference on Learning Cities", "Beijing", "CN",
                "Beijing International Hotel", "Asia/Shanghai", lastDay.minusDays(2), lastDay,
                List.of("en", "zh", "fr", "es"), Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(30, ChronoUnit.DAYS), 100, false));
        return awaitKnownConference(id);
    }

    private static Map<String, Object> visaLetter(LocalDate passportExpiry) {
        return Map.of("passportNumber", PASSPORT_NUMBER, "nationality", "CN", "dateOfBirth", "1968-02-29",
                "passportExpiry", passportExpiry.toString());
    }

    private static Map<String, Object> delegate(String email) {
        return new HashMap<>(Map.ofEntries(
                Map.entry("givenName", "Jian"), Map.entry("familyName", "Li"), Map.entry("email", email),
                Map.entry("phone", "+861065126688"), Map.entry("organisation", "Ministry of Education"),
                Map.entry("position", "Counsellor"), Map.entry("category", "MEMBER_STATE_DELEGATE"),
                Map.entry("countryCode", "CN"), Map.entry("city", "Beijing"),
                Map.entry("correspondenceLanguage", "zh"), Map.entry("listeningLanguages", List.of("zh", "en"))));
    }

    private static List<Object> fields(ResponseEntity<Map> problem) {
        return ((List<Map<String, Object>>) problem.getBody().get("errors")).stream()
                .map(error -> error.get("field")).toList();
    }
}
