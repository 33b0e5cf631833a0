package org.learningcities.interpretation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.learningcities.contracts.agenda.ConferenceScheduled;
import org.learningcities.security.Role;
import org.learningcities.testsupport.TestEvents;
import org.learningcities.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The service's own access rules, checked with real signed tokens over real HTTP. */
class WhoMayDoWhatTest extends InterpretationIntegrationTest {

    @Autowired
    RestTestClient http;
    @LocalServerPort
    int port;

    @Test
    void interpreterReadsOnlyTheirOwnAssignments() {
        String me = "interpreter-" + UUID.randomUUID();
        String mine = onRoster(me);
        String theirs = onRoster("interpreter-" + UUID.randomUUID());
        String bearer = TestTokens.bearer(me, Role.INTERPRETER);

        for (String path : List.of("/api/interpreters/{id}", "/api/interpreters/{id}/assignments",
                "/api/interpreters/{id}/assignments.ics")) {
            http.get().uri(path, mine).header(HttpHeaders.AUTHORIZATION, bearer).exchange().expectStatus().isOk();
            http.get().uri(path, theirs).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        http.get().uri("/api/interpreters/{id}/assignments.ics", mine).header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange().expectHeader().contentTypeCompatibleWith(new MediaType("text", "calendar"));
        // Denied before the handler looks the id up: an id not on the roster tells an interpreter nothing either.
        http.get().uri("/api/interpreters/{id}/assignments", UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void interpreterWithoutALinkedEntryReadsNoSchedule() {
        String entry = onRoster("interpreter-" + UUID.randomUUID());

        http.get().uri("/api/interpreters/{id}/assignments", entry)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("interpreter-unlinked", Role.INTERPRETER))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void interpreterCannotEditTheRoster() {
        String account = "interpreter-" + UUID.randomUUID();
        String mine = onRoster(account);
        String bearer = TestTokens.bearer(account, Role.INTERPRETER);

        http.put().uri("/api/interpreters/{id}", mine).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(interpreter(account)).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/api/interpreters").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(interpreter(null)).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/api/interpreters/import").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(new MediaType("text", "csv")).body("givenName\n".getBytes()).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/interpreters").header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void delegateCannotSeeCoverage() {
        String bearer = TestTokens.bearer("delegate-" + UUID.randomUUID(), Role.DELEGATE);

        for (String path : List.of("/api/conferences/{id}/interpretation/coverage",
                "/api/conferences/{id}/interpretation/receivers", "/api/conferences/{id}/interpretation/requests")) {
            http.get().uri(path, UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                    .expectStatus().isForbidden()
                    .expectBody().jsonPath("$.status").isEqualTo(403);
        }
    }

    @Test
    void operationsSeesCoverageAndReceivers() {
        String conference = scheduledConference();
        String bearer = TestTokens.bearer("operations-" + UUID.randomUUID(), Role.OPERATIONS);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                http.get().uri("/api/conferences/{id}/interpretation/coverage", conference)
                        .header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.booths").isArray());
        http.get().uri("/api/conferences/{id}/interpretation/receivers", conference)
                .header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.conferenceId").isEqualTo(conference);
        // Booking interpretation is the secretariat's and the coordinator's, not operations'.
        http.get().uri("/api/conferences/{id}/interpretation/requests", conference)
                .header(HttpHeaders.AUTHORIZATION, bearer).exchange().expectStatus().isForbidden();
    }

    @Test
    void anonymousCannotReadTheRoster() {
        anonymous().get().uri("/api/interpreters").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
        // Also where an interpreter could be let in: the object rule needs a caller first.
        anonymous().get().uri("/api/interpreters/{id}/assignments", onRoster(null)).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void expiredTokenIsUnauthorized() {
        http.get().uri("/api/interpreters")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.of("test-staff", Role.INTERPRETATION_COORDINATOR)
                        .expiredSince(Duration.ofMinutes(5)).bearer())
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void tokenSignedByAForeignKeyIsUnauthorized() {
        http.get().uri("/api/interpreters")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.of("test-staff", Role.INTERPRETATION_COORDINATOR)
                        .signedByUnknownKey().bearer())
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() {
        http.get().uri("/api/interpreters")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.of("test-staff", Role.INTERPRETATION_COORDINATOR)
                        .forAudience("another-api").bearer())
                .exchange()
                .expectStatus().isUnauthorized();
    }

    /** A client without the shared client's default staff token. */
    private RestTestClient anonymous() {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    /** A new roster entry linked to the account (or to none), put there by the coordinator. */
    private String onRoster(String accountId) {
        return (String) http.post().uri("/api/interpreters").contentType(MediaType.APPLICATION_JSON)
                .body(interpreter(accountId)).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private static Map<String, Object> interpreter(String accountId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("givenName", "Lucía");
        request.put("familyName", "Herrera");
        request.put("email", "lucia.herrera." + UUID.randomUUID() + "@access-test.example.org");
        request.put("correspondenceLanguage", "es");
        request.put("languages", List.of(Map.of("language", "es", "class", "A"), Map.of("language", "en", "class", "B")));
        request.put("availability", List.of(Map.of("from", "2013-10-20", "to", "2013-10-24")));
        request.put("accountId", accountId);
        return request;
    }

    private static String scheduledConference() {
        String conference = UUID.randomUUID().toString();
        Instant opening = Instant.parse("2013-10-21T01:00:00Z");
        TestEvents.publish(new ConferenceScheduled(conference, "International Conference on Learning Cities",
                "Beijing", "CN", "Beijing International Hotel", "Asia/Shanghai", LocalDate.parse("2013-10-21"),
                LocalDate.parse("2013-10-23"), List.of("en", "zh"), opening.minus(Duration.ofDays(140)),
                opening.minus(Duration.ofDays(20)), 500, false));
        return conference;
    }
}
