package org.learningcities.agenda.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcities.agenda.SchedulingFixture.assertRejected;
import static org.learningcities.agenda.SchedulingFixture.plenary;
import static org.learningcities.agenda.SchedulingFixture.with;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcities.agenda.AgendaIntegrationTest;
import org.learningcities.agenda.SchedulingFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

class ProgrammeTest extends AgendaIntegrationTest {

    @Autowired
    RestTestClient http;

    SchedulingFixture fixture;
    String beijing;
    String hallB;
    String hallC;

    @BeforeEach
    void beijingWithTwoHalls() {
        fixture = new SchedulingFixture(http);
        beijing = fixture.beijing2013();
        hallB = fixture.room(beijing, "Hall B", 300, 4);
        hallC = fixture.room(beijing, "Hall C", 120, 2);
    }

    @Test
    void draftsStayInvisibleUntilReleased() {
        String opening = fixture.drafted(beijing, plenary("Opening ceremony", hallB, "2013-10-21T09:00",
                "2013-10-21T10:30"));

        assertThat(programmeIds("")).isEmpty();
        http.get().uri("/api/conferences/{id}/sessions/{sessionId}", beijing, opening).exchange()
                .expectStatus().isNotFound();

        fixture.released(beijing);
        fixture.changed(beijing, opening, Map.of("start", "2013-10-21T10:00", "end", "2013-10-21T11:30"));

        http.get().uri("/api/conferences/{id}/sessions", beijing).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].id").isEqualTo(opening)
                .jsonPath("$[0].start.local").isEqualTo("2013-10-21T09:00:00")
                .jsonPath("$[0].start.utc").isEqualTo("2013-10-21T01:00:00Z")
                .jsonPath("$[0].roomName").isEqualTo("Hall B")
                .jsonPath("$[0].titles.en").isEqualTo("Opening ceremony");
    }

    @Test
    void listsTheProgrammeByStartTime() {
        String closing = fixture.drafted(beijing, plenary("Closing", hallB, "2013-10-23T16:00", "2013-10-23T17:00"));
        String opening = fixture.drafted(beijing, plenary("Opening", hallB, "2013-10-21T09:00", "2013-10-21T10:00"));
        String forum = fixture.drafted(beijing, plenary("Forum", hallC, "2013-10-22T14:00", "2013-10-22T15:00"));
        fixture.released(beijing);

        assertThat(programmeIds("")).containsExactly(opening, forum, closing);
    }

    @Test
    void keepsCancelledSessionsInTheProgrammeMarkedCancelled() {
        String visit = fixture.drafted(beijing, plenary("Visit", hallB, "2013-10-22T14:00", "2013-10-22T15:30"));
        fixture.released(beijing);
        fixture.changed(beijing, visit, Map.of("cancelled", true, "cancellationReason", "Typhoon warning"));
        fixture.released(beijing);

        http.get().uri("/api/conferences/{id}/sessions", beijing).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].id").isEqualTo(visit)
                .jsonPath("$[0].cancelled").isEqualTo(true)
                .jsonPath("$[0].cancellationReason").isEqualTo("Typhoon warning");
    }

    @Test
    void filtersByLocalDateTypeAndLanguage() {
        // 00:30 on 22 October in Beijing is still 21 October in UTC: the date is the venue's.
        String night = fixture.drafted(beijing, plenary("Night owls", hallC, "2013-10-22T00:30", "2013-10-22T01:30"));
        String opening = fixture.drafted(beijing, with(plenary("Opening", hallB, "2013-10-21T09:00",
                "2013-10-21T10:00"), Map.of("type", "OPENING_CEREMONY")));
        String forum = fixture.drafted(beijing, with(plenary("Foro", hallC, "2013-10-22T14:00", "2013-10-22T15:00"),
                Map.of("type", "MARKETPLACE", "floorLanguages", List.of("es"), "interpretationLanguages", List.of("en", "fr"))));
        String plenary = fixture.drafted(beijing, plenary("Plenary", hallB, "2013-10-22T09:00", "2013-10-22T10:00"));
        fixture.released(beijing);

        assertThat(programmeIds("?date=2013-10-22")).containsExactly(night, plenary, forum);
        assertThat(programmeIds("?type=OPENING_CEREMONY")).containsExactly(opening);
        assertThat(programmeIds("?language=FR")).containsExactly(forum);
        assertThat(programmeIds("?language=zh")).containsExactly(opening, night, plenary);
        assertThat(programmeIds("?date=2013-10-22&type=PLENARY&language=en")).containsExactly(night, plenary);
    }

    @Test
    void rejectsFiltersThatMeanNothing() {
        assertRejected(http.get().uri("/api/conferences/{id}/sessions?type=GALA", beijing).exchange(), "type");
        assertRejected(http.get().uri("/api/conferences/{id}/sessions?date=2013-10-32", beijing).exchange(), "date");
        assertRejected(http.get().uri("/api/conferences/{id}/sessions?language=Chinese", beijing).exchange(),
                "language");
    }

    @Test
    void answersNotModifiedUntilTheNextReleaseChangesTheETag() {
        String opening = fixture.drafted(beijing, plenary("Opening", hallB, "2013-10-21T09:00", "2013-10-21T10:00"));
        fixture.released(beijing);

        String etag = http.get().uri("/api/conferences/{id}/sessions?language=zh", beijing).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
                .returnResult().getResponseHeaders().getETag();
        assertThat(etag).startsWith("\"v1-");
        http.get().uri("/api/conferences/{id}/sessions?language=zh", beijing).header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals(HttpHeaders.ETAG, etag);

        fixture.changed(beijing, opening, Map.of("roomId", hallC));
        http.get().uri("/api/conferences/{id}/sessions?language=zh", beijing).header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus().isNotModified();

        fixture.released(beijing);
        String newEtag = http.get().uri("/api/conferences/{id}/sessions?language=zh", beijing)
                .header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].roomName").isEqualTo("Hall C")
                .returnResult().getResponseHeaders().getETag();
        assertThat(newEtag).startsWith("\"v2-").isNotEqualTo(etag);
    }

    @Test
    void answersNotModifiedForASessionUntilItsReleasedStateChanges() {
        String opening = fixture.drafted(beijing, plenary("Opening", hallB, "2013-10-21T09:00", "2013-10-21T10:00"));
        fixture.released(beijing);
        String etag = http.get().uri("/api/conferences/{id}/sessions/{sessionId}", beijing, opening).exchange()
                .expectStatus().isOk()
                .returnResult().getResponseHeaders().getETag();

        http.get().uri("/api/conferences/{id}/sessions/{sessionId}", beijing, opening)
                .header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified();
        fixture.changed(beijing, opening, Map.of("roomId", hallC));
        fixture.released(beijing);
        http.get().uri("/api/conferences/{id}/sessions/{sessionId}", beijing, opening)
                .header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.roomName").isEqualTo("Hall C");
    }

    @Test
    void givesEachFilterItsOwnETag() {
        fixture.drafted(beijing, plenary("Opening", hallB, "2013-10-21T09:00", "2013-10-21T10:00"));
        fixture.released(beijing);

        assertThat(etag("?language=zh")).isEqualTo(etag("?language=ZH")).isNotEqualTo(etag("?language=en"));
    }

    @Test
    void answersNotFoundForAnUnknownConference() {
        http.get().uri("/api/conferences/no-such-conference/sessions").exchange().expectStatus().isNotFound();
    }

    private List<String> programmeIds(String query) {
        return http.get().uri("/api/conferences/" + beijing + "/sessions" + query).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody().stream()
                .map(session -> session.get("id").toString())
                .toList();
    }

    private String etag(String query) {
        return http.get().uri("/api/conferences/" + beijing + "/sessions" + query).exchange()
                .expectStatus().isOk()
                .returnResult().getResponseHeaders().getETag();
    }
}
