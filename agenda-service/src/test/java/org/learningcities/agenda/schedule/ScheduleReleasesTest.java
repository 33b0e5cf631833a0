package org.learningcities.agenda.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcities.agenda.SchedulingFixture.plenary;
import static org.learningcities.agenda.SchedulingFixture.with;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcities.agenda.AgendaIntegrationTest;
import org.learningcities.agenda.SchedulingFixture;
import org.learningcities.contracts.EventCatalog;
import org.learningcities.contracts.Topics;
import org.learningcities.contracts.agenda.ScheduleReleased;
import org.learningcities.contracts.agenda.SessionCancelled;
import org.learningcities.contracts.agenda.SessionRelocated;
import org.learningcities.contracts.agenda.SessionRescheduled;
import org.learningcities.contracts.agenda.SessionScheduled;
import org.learningcities.testsupport.TopicRecords;
import org.learningcities.testsupport.TopicRecords.Received;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

class ScheduleReleasesTest extends AgendaIntegrationTest {

    @Autowired
    RestTestClient http;
    @Autowired
    JsonMapper json;

    SchedulingFixture fixture;
    String beijing;
    String hallB;

    @BeforeEach
    void beijingWithAHall() {
        fixture = new SchedulingFixture(http);
        beijing = fixture.beijing2013();
        hallB = fixture.room(beijing, "Hall B", 300, 4);
    }

    @Test
    void firstReleaseSchedulesEveryDraftAndAnnouncesEachSessionAndTheRelease() {
        String opening = fixture.drafted(beijing, with(plenary("Opening ceremony", hallB, "2013-10-21T09:00",
                "2013-10-21T10:30"), Map.of("type", "OPENING_CEREMONY", "speakers", List.of("Irina Bokova"))));
        String forum = fixture.drafted(beijing, with(plenary("Regional forum: Africa", hallB, "2013-10-22T14:00",
                "2013-10-22T15:30"), Map.of("type", "REGIONAL_FORUM", "region", "AFRICA", "capacity", 120,
                "enrolmentRequired", true)));

        fixture.release(beijing).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.releasedAt.local").exists()
                .jsonPath("$.releasedAt.utc").exists()
                .jsonPath("$.changes[*].kind").isEqualTo(List.of("SCHEDULED", "SCHEDULED"))
                .jsonPath("$.changes[0].sessionId").isEqualTo(opening)
                .jsonPath("$.changes[0].to.start").isEqualTo("2013-10-21T09:00:00")
                .jsonPath("$.changes[0].to.roomName").isEqualTo("Hall B")
                .jsonPath("$.changes[0].summary").isEqualTo(
                        "Opening ceremony: 2013-10-21 09:00–10:30, Hall B (Asia/Shanghai)");

        ScheduleReleased release = releaseEvent(1);
        assertThat(release.changes()).extracting(ScheduleReleased.Change::sessionId).containsExactly(opening, forum);
        List<Received> sessionEvents = sessionEvents(Set.of(opening, forum));
        assertThat(sessionEvents).extracting(event -> event.headers().get("ce_type"))
                .containsOnly(EventCatalog.SESSION_SCHEDULED.type())
                .hasSize(2);
        Received forumEvent = sessionEvents.stream().filter(event -> forum.equals(event.key())).findFirst().orElseThrow();
        SessionScheduled forumScheduled = json.readValue(forumEvent.value(), SessionScheduled.class);
        assertThat(forumScheduled).isEqualTo(new SessionScheduled(forum, beijing, 1, "REGIONAL_FORUM", "AFRICA",
                Map.of("en", "Regional forum: Africa"), hallB, "Hall B", Instant.parse("2013-10-22T06:00:00Z"),
                Instant.parse("2013-10-22T07:30:00Z"), List.of("en"), List.of("zh"), List.of(), 120, true));
    }

    @Test
    void numbersReleasesOneTwoThreeAndListsThem() {
        String opening = fixture.drafted(beijing, plenary("Opening ceremony", hallB, "2013-10-21T09:00",
                "2013-10-21T10:30"));
        fixture.released(beijing);
        fixture.changed(beijing, opening, Map.of("start", "2013-10-21T09:30", "end", "2013-10-21T11:00"));
        fixture.release(beijing).expectStatus().isCreated().expectBody().jsonPath("$.version").isEqualTo(2);
        fixture.drafted(beijing, plenary("Closing ceremony", hallB, "2013-10-23T16:00", "2013-10-23T17:00"));
        fixture.release(beijing).expectStatus().isCreated().expectBody().jsonPath("$.version").isEqualTo(3);

        http.get().uri("/api/conferences/{id}/schedule/releases", beijing).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].version").isEqualTo(List.of(1, 2, 3))
                .jsonPath("$[1].changes[0].kind").isEqualTo("RESCHEDULED");
    }

    @Test
    void threeMovesBetweenReleasesAreOneRescheduleFromTheReleasedTimeToTheFinalOne() {
        String opening = fixture.drafted(beijing, plenary("Opening ceremony", hallB, "2013-10-21T09:00",
                "2013-10-21T10:30"));
        fixture.released(beijing);

        fixture.changed(beijing, opening, Map.of("start", "2013-10-21T10:00", "end", "2013-10-21T11:30"));
        fixture.changed(beijing, opening, Map.of("start", "2013-10-22T09:00", "end", "2013-10-22T10:30"));
        fixture.changed(beijing, opening, Map.of("start", "2013-10-21T11:00", "end", "2013-10-21T12:30"));

        fixture.release(beijing).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.changes.length()").isEqualTo(1)
                .jsonPath("$.changes[0].kind").isEqualTo("RESCHEDULED")
                .jsonPath("$.changes[0].from.start").isEqualTo("2013-10-21T09:00:00")
                .jsonPath("$.changes[0].from.end").isEqualTo("2013-10-21T10:30:00")
                .jsonPath("$.changes[0].to.start").isEqualTo("2013-10-21T11:00:00")
                .jsonPath("$.changes[0].to.end").isEqualTo("2013-10-21T12:30:00")
                .jsonPath("$.changes[0].summary").isEqualTo(
                        "Opening ceremony: 2013-10-21 09:00–10:30 → 2013-10-21 11:00–12:30 (Asia/Shanghai)");

        releaseEvent(2);
        List<Received> events = sessionEvents(Set.of(opening));
        assertThat(events).extracting(event -> event.headers().get("ce_type")).containsExactly(
                EventCatalog.SESSION_SCHEDULED.type(), EventCatalog.SESSION_RESCHEDULED.type());
        assertThat(json.readValue(events.get(1).value(), SessionRescheduled.class)).isEqualTo(
                new SessionRescheduled(opening, beijing, 2, Instant.parse("2013-10-21T01:00:00Z"),
                        Instant.parse("2013-10-21T02:30:00Z"), Instant.parse("2013-10-21T03:00:00Z"),
                        Instant.parse("2013-10-21T04:30:00Z")));
    }

    @Test
    void aSessionMovedAndRelocatedGetsBothEventsAndOneMoreSequence() {
        String hallC = fixture.room(beijing, "Hall C", 300, 4);
        String forum = fixture.drafted(beijing, plenary("Forum", hallB, "2013-10-22T14:00", "2013-10-22T15:30"));
        fixture.released(beijing);

        fixture.changed(beijing, forum, Map.of("roomId", hallC, "start", "2013-10-22T16:00", "end",
                "2013-10-22T17:30"));
        fixture.release(beijing).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.changes[*].kind").isEqualTo(List.of("RESCHEDULED", "RELOCATED"))
                .jsonPath("$.changes[1].from.roomName").isEqualTo("Hall B")
                .jsonPath("$.changes[1].to.roomName").isEqualTo("Hall C");

        releaseEvent(2);
        List<Received> events = sessionEvents(Set.of(forum));
        assertThat(events).extracting(event -> event.headers().get("ce_type")).containsExactly(
                EventCatalog.SESSION_SCHEDULED.type(), EventCatalog.SESSION_RESCHEDULED.type(),
                EventCatalog.SESSION_RELOCATED.type());
        assertThat(json.readValue(events.get(2).value(), SessionRelocated.class)).isEqualTo(
                new SessionRelocated(forum, beijing, 2, hallB, "Hall B", hallC, "Hall C"));
        http.get().uri("/api/conferences/{id}/sessions/{sessionId}", beijing, forum).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.sequence").isEqualTo(1)
                .jsonPath("$.scheduleVersion").isEqualTo(2)
                .jsonPath("$.roomName").isEqualTo("Hall C");
    }

    @Test
    void cancellingAReleasedSessionAnnouncesItWithTheReason() {
        String visit = fixture.drafted(beijing, plenary("Visit", hallB, "2013-10-22T14:00", "2013-10-22T15:30"));
        fixture.released(beijing);

        fixture.changed(beijing, visit, Map.of("cancelled", true, "cancellationReason", "Typhoon warning"));
        fixture.release(beijing).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.changes[*].kind").isEqualTo(List.of("CANCELLED"))
                .jsonPath("$.changes[0].from.start").isEqualTo("2013-10-22T14:00:00");

        releaseEvent(2);
        List<Received> events = sessionEvents(Set.of(visit));
        assertThat(json.readValue(events.getLast().value(), SessionCancelled.class))
                .isEqualTo(new SessionCancelled(visit, beijing, 2, "Typhoon warning"));
    }

    @Test
    void theReleaseEventCarriesEachChangedSessionOnceWithWhereAndWhenItWasBefore() {
        String opening = fixture.drafted(beijing, plenary("Opening ceremony", hallB, "2013-10-21T09:00",
                "2013-10-21T10:30"));
        String visit = fixture.drafted(beijing, plenary("Visit", hallB, "2013-10-22T14:00", "2013-10-22T15:30"));
        String unchanged = fixture.drafted(beijing, plenary("Plenary 1", hallB, "2013-10-21T11:00",
                "2013-10-21T12:00"));
        fixture.released(beijing);

        fixture.changed(beijing, opening, Map.of("start", "2013-10-21T09:30", "end", "2013-10-21T11:00",
                "interpretationLanguages", List.of("zh", "fr")));
        fixture.changed(beijing, visit, Map.of("cancelled", true, "cancellationReason", "Typhoon warning"));
        String room3 = fixture.room(beijing, "Room 3", 150, 2);
        String forum = fixture.drafted(beijing, with(plenary("Regional forum: Africa", room3, "2013-10-23T14:00",
                "2013-10-23T15:30"), Map.of("type", "REGIONAL_FORUM", "region", "AFRICA", "capacity", 120,
                "enrolmentRequired", true, "floorLanguages", List.of("en", "fr"))));
        fixture.release(beijing).expectStatus().isCreated();

        ScheduleReleased release = releaseEvent(2);
        assertThat(release.changes()).extracting(ScheduleReleased.Change::sessionId)
                .containsOnly(opening, visit, forum).hasSize(4);
        assertThat(release.sessions()).extracting(ScheduleReleased.SessionState::sessionId)
                .containsExactlyInAnyOrder(opening, visit, forum)
                .doesNotContain(unchanged);
        assertThat(state(release, forum)).as("new: no previous values; booths of its own room").isEqualTo(
                new ScheduleReleased.SessionState(forum, 0, Map.of("en", "Regional forum: Africa"),
                        Instant.parse("2013-10-23T06:00:00Z"), Instant.parse("2013-10-23T07:30:00Z"), room3, "Room 3", 2,
                        List.of("en", "fr"), List.of("zh"), true, false, null, null, null, null));
        assertThat(state(release, opening)).as("rescheduled, with its new languages").isEqualTo(
                new ScheduleReleased.SessionState(opening, 1, Map.of("en", "Opening ceremony"),
                        Instant.parse("2013-10-21T01:30:00Z"), Instant.parse("2013-10-21T03:00:00Z"), hallB, "Hall B", 4,
                        List.of("en"), List.of("zh", "fr"), false, false, null, Instant.parse("2013-10-21T01:00:00Z"),
                        Instant.parse("2013-10-21T02:30:00Z"), "Hall B"));
        assertThat(state(release, visit)).as("cancelled: at its last released time").isEqualTo(
                new ScheduleReleased.SessionState(visit, 1, Map.of("en", "Visit"), Instant.parse("2013-10-22T06:00:00Z"),
                        Instant.parse("2013-10-22T07:30:00Z"), hallB, "Hall B", 4, List.of("en"), List.of("zh"), false,
                        true, "Typhoon warning", Instant.parse("2013-10-22T06:00:00Z"),
                        Instant.parse("2013-10-22T07:30:00Z"), "Hall B"));
    }

    @Test
    void retitlingAndOtherChangesAreInTheChangelogButPublishNoSessionEvent() {
        String plenary = fixture.drafted(beijing, plenary("Plenary 1", hallB, "2013-10-21T11:00",
                "2013-10-21T12:00"));
        fixture.released(beijing);

        fixture.changed(beijing, plenary, Map.of("title", Map.of("en", "Plenary 1: Learning for all", "zh", "全民学习"),
                "interpretationLanguages", List.of("zh", "fr"), "capacity", 250));
        fixture.release(beijing).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.changes[*].kind").isEqualTo(List.of("RETITLED", "UPDATED"))
                .jsonPath("$.changes[1].from.interpretationLanguages").isEqualTo(List.of("zh"))
                .jsonPath("$.changes[1].to.interpretationLanguages").isEqualTo(List.of("zh", "fr"))
                .jsonPath("$.changes[1].to.capacity").isEqualTo(250);

        assertThat(releaseEvent(2).changes()).extracting(ScheduleReleased.Change::kind)
                .containsExactly("RETITLED", "UPDATED");
        assertThat(sessionEvents(Set.of(plenary))).extracting(event -> event.headers().get("ce_type"))
                .containsExactly(EventCatalog.SESSION_SCHEDULED.type());
    }

    @Test
    void takingACancellationBackSchedulesTheSessionAgain() {
        String visit = fixture.drafted(beijing, plenary("Visit", hallB, "2013-10-22T14:00", "2013-10-22T15:30"));
        fixture.released(beijing);
        fixture.changed(beijing, visit, Map.of("cancelled", true));
        fixture.released(beijing);

        fixture.changed(beijing, visit, Map.of("cancelled", false));
        fixture.release(beijing).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.version").isEqualTo(3)
                .jsonPath("$.changes[*].kind").isEqualTo(List.of("SCHEDULED"));

        releaseEvent(3);
        assertThat(sessionEvents(Set.of(visit))).extracting(event -> event.headers().get("ce_type")).containsExactly(
                EventCatalog.SESSION_SCHEDULED.type(), EventCatalog.SESSION_CANCELLED.type(),
                EventCatalog.SESSION_SCHEDULED.type());
        http.get().uri("/api/conferences/{id}/sessions/{sessionId}", beijing, visit).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.cancelled").isEqualTo(false)
                .jsonPath("$.sequence").isEqualTo(2);
    }

    @Test
    void refusesAReleaseWithNothingPending() {
        fixture.release(beijing).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Nothing to release");

        String opening = fixture.drafted(beijing, plenary("Opening ceremony", hallB, "2013-10-21T09:00",
                "2013-10-21T10:30"));
        fixture.released(beijing);
        fixture.changed(beijing, opening, Map.of("start", "2013-10-21T10:00", "end", "2013-10-21T11:30"));
        fixture.changed(beijing, opening, Map.of("start", "2013-10-21T09:00", "end", "2013-10-21T10:30"));

        fixture.release(beijing).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentVersion").isEqualTo(1);
    }

    @Test
    void aDraftCancelledBeforeItWasEverReleasedIsNeverAnnounced() {
        String idea = fixture.drafted(beijing, plenary("Idea", hallB, "2013-10-21T09:00", "2013-10-21T10:30"));
        fixture.changed(beijing, idea, Map.of("cancelled", true));

        fixture.release(beijing).expectStatus().isEqualTo(409);
        http.get().uri("/api/conferences/{id}/sessions/{sessionId}", beijing, idea).exchange()
                .expectStatus().isNotFound();
    }

    private ScheduleReleased releaseEvent(int version) {
        Received record = TopicRecords.await(Topics.AGENDA_CONFERENCES, received -> beijing.equals(received.key())
                && EventCatalog.SCHEDULE_RELEASED.type().equals(received.headers().get("ce_type"))
                && json.readValue(received.value(), ScheduleReleased.class).version() == version);
        return json.readValue(record.value(), ScheduleReleased.class);
    }

    private static ScheduleReleased.SessionState state(ScheduleReleased release, String sessionId) {
        return release.sessions().stream().filter(session -> session.sessionId().equals(sessionId)).findFirst()
                .orElseThrow();
    }

    private static List<Received> sessionEvents(Set<String> sessionIds) {
        return TopicContents.matching(Topics.AGENDA_SESSIONS, received -> sessionIds.contains(received.key()));
    }
}
