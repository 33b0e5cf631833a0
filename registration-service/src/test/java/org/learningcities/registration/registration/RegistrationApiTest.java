package org.learningcities.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.learningcities.registration.RegistrationIntegrationTest;
import org.junit.jupiter.api.Test;
import org.learningcities.contracts.Topics;
import org.learningcities.contracts.agenda.ConferenceScheduled;
import org.learningcities.testsupport.TestEvents;
import org.learningcities.testsupport.TopicRecords;
import org.learningcities.testsupport.TopicRecords.Received;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class RegistrationApiTest extends RegistrationIntegrationTest {

    @Test
    void registersADelegateAndAnnouncesItWithoutContactDataOnThePublicTopic() {
        String conference = openConference(500);

        ResponseEntity<Map> created = register(conference, delegate("ling.wang@beijing.example", "zh"), null);

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        Map<?, ?> body = created.getBody();
        String id = (String) body.get("id");
        assertThat(created.getHeaders().getLocation()).hasToString("/api/registrations/" + id);
        assertThat(body.get("status")).isEqualTo("PENDING");
        assertThat(body.get("region")).isEqualTo("ASIA_AND_THE_PACIFIC");
        assertThat(((Map<String, Object>) body.get("registeredAt")).keySet()).containsExactlyInAnyOrder("local", "utc");

        Received delegateEvent = TopicRecords.await(Topics.REGISTRATION_DELEGATES, record -> id.equals(record.key()));
        assertThat(delegateEvent.headers()).containsEntry("ce_type",
                "org.learningcities.registration.delegate.registered.v1");
        assertThat(delegateEvent.value()).contains("\"status\":\"PENDING\"", "\"correspondenceLanguage\":\"zh\"")
                .doesNotContain("ling.wang@beijing.example", "+86", "Wang");

        Received contactEvent = TopicRecords.await(Topics.REGISTRATION_CONTACTS_INTERNAL,
                record -> id.equals(record.key()));
        assertThat(contactEvent.value()).contains("ling.wang@beijing.example", "\"familyName\":\"Wang\"");

        ResponseEntity<Map> read = http.get().uri("/api/registrations/{id}", id).retrieve().toEntity(Map.class);
        assertThat(read.getBody()).containsEntry("email", "ling.wang@beijing.example");
    }

    @Test
    void returnsTheFirstRegistrationWhenARequestIsRetriedWithTheSameIdempotencyKey() {
        String conference = openConference(500);
        Map<String, Object> request = delegate("retry@example.org", "en");

        ResponseEntity<Map> first = register(conference, request, "key-1");
        ResponseEntity<Map> retry = register(conference, request, "key-1");

        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(registrationsOf(conference)).hasSize(1);
    }

    @Test
    void createsOneRegistrationWhenTheSameKeyArrivesConcurrently() throws Exception {
        String conference = openConference(500);
        Map<String, Object> request = delegate("burst@example.org", "fr");
        List<Callable<ResponseEntity<Map>>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(() -> register(conference, request, "flaky-network"));
        }

        List<Object> ids = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<ResponseEntity<Map>> attempt : pool.invokeAll(attempts)) {
                assertThat(attempt.get().getStatusCode().value()).isEqualTo(201);
                ids.add(attempt.get().getBody().get("id"));
            }
        }

        assertThat(ids).containsOnly(ids.getFirst());
        assertThat(registrationsOf(conference)).hasSize(1);
    }

    @Test
    void refusesToReuseAnIdempotencyKeyForADifferentRequest() {
        String conference = openConference(500);
        register(conference, delegate("first@example.org", "en"), "reused");

        ResponseEntity<Map> other = register(conference, delegate("second@example.org", "en"), "reused");

        assertThat(other.getStatusCode().value()).isEqualTo(422);
        assertThat(other.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void pointsASecondRegistrationWithTheSameEmailToTheFirst() {
        String conference = openConference(500);
        String firstId = (String) register(conference, delegate("mayor@medellin.example", "es"), null).getBody().get("id");

        ResponseEntity<Map> second = register(conference, delegate("Mayor@Medellin.example", "es"), null);

        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(second.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(second.getBody()).containsEntry("registrationId", firstId)
                .containsEntry("registration", "/api/registrations/" + firstId);
    }

    @Test
    void waitlistsRegistrationsBeyondTheConferenceCapacity() {
        String conference = openConference(2);

        List<Object> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(register(conference, delegate("d" + i + "@example.org", "en"), null).getBody().get("status"));
        }

        assertThat(statuses).containsExactly("PENDING", "PENDING", "WAITLISTED");
    }

    @Test
    void givesNoMorePlacesThanTheCapacityWhenManyRegisterAtOnce() throws Exception {
        String conference = openConference(5);
        List<Callable<ResponseEntity<Map>>> attempts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Map<String, Object> request = delegate("rush" + i + "@example.org", "en");
            attempts.add(() -> register(conference, request, null));
        }

        List<Object> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<ResponseEntity<Map>> attempt : pool.invokeAll(attempts)) {
                assertThat(attempt.get().getStatusCode().value()).isEqualTo(201);
                statuses.add(attempt.get().getBody().get("status"));
            }
        }

        assertThat(statuses).filteredOn("PENDING"::equals).hasSize(5);
        assertThat(statuses).filteredOn("WAITLISTED"::equals).hasSize(19);
        assertThat(http.get().uri("/api/conferences/{id}/registrations?status=PENDING", conference).retrieve()
                .body(List.class)).hasSize(5);
    }

    @Test
    void rejectsRegistrationAfterTheDeadline() {
        String conference = conference(Instant.now().minus(30, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.DAYS), 10);

        ResponseEntity<Map> late = register(conference, delegate("late@example.org", "en"), null);

        assertThat(late.getStatusCode().value()).isEqualTo(422);
        assertThat(late.getBody()).containsEntry("title", "Registration closed");
    }

    @Test
    void answersAnUnknownConferenceWithNotFound() {
        ResponseEntity<Map> response = register("no-such-conference", delegate("x@example.org", "en"), null);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void namesEveryInvalidFieldInTheProblem() {
        String conference = openConference(10);
        Map<String, Object> request = new java.util.HashMap<>(delegate("not-an-email", "en"));
        request.put("phone", "0044 20 1234");
        request.put("countryCode", "XX");
        request.put("listeningLanguages", List.of("en", "!!"));
        request.remove("givenName");

        ResponseEntity<Map> response = register(conference, request, null);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fields(response)).containsExactlyInAnyOrder(
                "email", "phone", "countryCode", "listeningLanguages[1]", "givenName");
    }

    @Test
    void namesAnUnusableIdempotencyKeyHeader() {
        String conference = openConference(10);

        ResponseEntity<Map> response = register(conference, delegate("key@example.org", "en"), "x".repeat(300));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("Idempotency-Key");
    }

    @Test
    void namesAnUnknownCategory() {
        String conference = openConference(10);
        Map<String, Object> request = new java.util.HashMap<>(delegate("cat@example.org", "en"));
        request.put("category", "KING");

        ResponseEntity<Map> response = register(conference, request, null);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("category");
    }

    @Test
    void answersMalformedJsonWithAProblemNotAStackTrace() {
        String conference = openConference(10);

        ResponseEntity<Map> response = http.post().uri("/api/conferences/{id}/registrations", conference)
                .contentType(MediaType.APPLICATION_JSON).body("{\"givenName\": ").retrieve().toEntity(Map.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().toString()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void filtersTheSecretariatSearchByRegion() {
        String conference = openConference(10);
        register(conference, delegate("asia@example.org", "zh"), null);
        Map<String, Object> mexican = new java.util.HashMap<>(delegate("mexico@example.org", "es"));
        mexican.put("countryCode", "MX");
        register(conference, mexican, null);

        List<?> latinAmerica = http.get()
                .uri("/api/conferences/{id}/registrations?region=LATIN_AMERICA_AND_THE_CARIBBEAN", conference)
                .retrieve().body(List.class);
        ResponseEntity<Map> badRegion = http.get()
                .uri("/api/conferences/{id}/registrations?region=ATLANTIS", conference).retrieve().toEntity(Map.class);

        assertThat(latinAmerica).hasSize(1);
        assertThat(((Map<?, ?>) latinAmerica.getFirst()).get("email")).isEqualTo("mexico@example.org");
        assertThat(badRegion.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(badRegion)).containsExactly("region");
    }

    @Test
    void exposesProbesMetricsAndItsOpenApiDocument() {
        assertThat(http.get().uri("/actuator/health/liveness").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
        assertThat(http.get().uri("/actuator/health/readiness").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
        assertThat(http.get().uri("/actuator/prometheus").retrieve().body(String.class))
                .contains("jvm_memory_used_bytes");
        Map<String, Map<String, Object>> openApi = http.get().uri("/v3/api-docs").retrieve().body(Map.class);
        assertThat(openApi.get("paths").keySet()).contains(
                "/api/conferences/{conferenceId}/registrations", "/api/registrations/{registrationId}");
    }

    private ResponseEntity<Map> register(String conference, Map<String, Object> request, String idempotencyKey) {
        return http.post().uri("/api/conferences/{id}/registrations", conference)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (idempotencyKey != null) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .body(request).retrieve().toEntity(Map.class);
    }

    private List<?> registrationsOf(String conference) {
        return http.get().uri("/api/conferences/{id}/registrations", conference).retrieve().body(List.class);
    }

    private String openConference(int capacity) {
        return conference(Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS), capacity);
    }

    /** Plays agenda-service: announces a conference and waits until this service knows it. */
    private String conference(Instant opens, Instant closes, int capacity) {
        String id = "iclc-" + UUID.randomUUID();
        TestEvents.publish(new ConferenceScheduled(id, "International Conference on Learning Cities", "Beijing", "CN",
                "Beijing International Hotel", "Asia/Shanghai", LocalDate.parse("2013-10-21"),
                LocalDate.parse("2013-10-23"), List.of("en", "zh", "fr", "es"), opens, closes, capacity, false));
        return awaitKnownConference(id);
    }

    private static Map<String, Object> delegate(String email, String language) {
        return Map.ofEntries(
                Map.entry("givenName", "Ling"), Map.entry("familyName", "Wang"), Map.entry("email", email),
                Map.entry("phone", "+861065126688"), Map.entry("organisation", "Beijing Municipal Education Commission"),
                Map.entry("position", "Director"), Map.entry("category", "CITY_EDUCATION_EXECUTIVE"),
                Map.entry("countryCode", "CN"), Map.entry("city", "Beijing"),
                Map.entry("correspondenceLanguage", language), Map.entry("listeningLanguages", List.of(language, "en")));
    }

    private static List<Object> fields(ResponseEntity<Map> problem) {
        return ((List<Map<String, Object>>) problem.getBody().get("errors")).stream()
                .map(error -> error.get("field")).toList();
    }
}
