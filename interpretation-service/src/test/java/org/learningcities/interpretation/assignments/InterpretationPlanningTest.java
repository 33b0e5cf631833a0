package org.learningcities.interpretation.assignments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.learningcities.interpretation.assignments.PlanningFixture.PLANNING_PATIENCE;
import static org.learningcities.interpretation.assignments.PlanningFixture.awaitEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcities.contracts.agenda.ScheduleReleased;
import org.learningcities.contracts.interpretation.CoverageChanged;
import org.learningcities.contracts.interpretation.InterpreterAssigned;
import org.learningcities.contracts.interpretation.InterpreterReleased;
import org.learningcities.interpretation.InterpretationIntegrationTest;
import org.learningcities.interpretation.assignments.PlanningFixture.TestSession;
import org.learningcities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The planner loop against the real Timefold planner, PostgreSQL and Kafka. */
class InterpretationPlanningTest extends InterpretationIntegrationTest {

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcClient jdbc;

    PlanningFixture fixture;

    @BeforeEach
    void newConference() {
        fixture = new PlanningFixture(jdbc);
    }

    @Test
    void staffsEveryBoothOfAReleasedPlenaryAndAnnouncesEachInterpreter() {
        // Beijing 2013: Chinese and English from the floor, so those two booths work both ways (teams of 3).
        List<String> english = new ArrayList<>();
        List<String> chinese = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            english.add(fixture.interpreter("EN" + n, Map.of("en", "A", "zh", "B")));
            chinese.add(fixture.interpreter("ZH" + n, Map.of("zh", "A", "en", "B")));
        }
        List<String> french = fixture.team("fr", 2);
        List<String> spanish = fixture.team("es", 2);
        TestSession plenary = fixture.session("09:00", 2, List.of("zh", "en"), List.of("en", "zh", "fr", "es"));

        fixture.release(plenary);
        fixture.awaitPlanned();

        Map<String, Coverage.Booth> booths = byLanguage(coverage(null).booths());
        assertThat(booths).containsOnlyKeys("en", "zh", "fr", "es");
        assertThat(booths.get("en").teamSize()).isEqualTo(3);
        assertThat(booths.get("zh").teamSize()).isEqualTo(3);
        assertThat(booths.get("fr").teamSize()).isEqualTo(2);
        assertThat(booths.values()).allSatisfy(booth -> {
            assertThat(booth.team()).hasSize(booth.teamSize());
            assertThat(booth.status()).isNotEqualTo(CoverageStatus.UNCOVERED);
            assertThat(booth.title()).isEqualTo("Plenary 09:00");
            assertThat(booth.startsAt().local()).isEqualTo(fixture.day.atTime(9, 0));
            assertThat(booth.room()).isEqualTo(new Coverage.Room("plenary-hall", "Plenary Hall"));
        });
        assertThat(ids(booths.get("fr").team())).containsExactlyInAnyOrderElementsOf(french);
        assertThat(ids(booths.get("es").team())).containsExactlyInAnyOrderElementsOf(spanish);
        // Both of those booths work both ways, so an interpreter with Chinese A and English B may sit in either.
        List<String> bothWays = new ArrayList<>(ids(booths.get("en").team()));
        bothWays.addAll(ids(booths.get("zh").team()));
        english.addAll(chinese);
        assertThat(bothWays).containsExactlyInAnyOrderElementsOf(english);
        for (String interpreter : french) {
            InterpreterAssigned assigned = awaitEvent(InterpreterAssigned.class,
                    event -> event.interpreterId().equals(interpreter));
            assertThat(assigned.sessionId()).isEqualTo(plenary.sessionId());
            assertThat(assigned.conferenceId()).isEqualTo(fixture.conferenceId);
            assertThat(assigned.boothLanguage()).isEqualTo("fr");
        }
        CoverageChanged french0 = awaitEvent(CoverageChanged.class, event ->
                event.sessionId().equals(plenary.sessionId()) && event.boothLanguage().equals("fr"));
        assertThat(french0.previousStatus()).isNull();
        assertThat(french0.assigned()).isEqualTo(2);
    }

    @Test
    void releasesEveryInterpreterOfACancelledSession() {
        List<String> team = new ArrayList<>(fixture.team("fr", 2));
        team.addAll(fixture.team("es", 2));
        TestSession forum = fixture.session("14:00", 2, List.of("en"), List.of("fr", "es"));
        fixture.release(forum);
        fixture.awaitPlanned();
        assertThat(coverage(null).booths()).hasSize(2).allSatisfy(booth -> assertThat(booth.team()).hasSize(2));

        fixture.release(forum.cancel());
        fixture.awaitPlanned();

        assertThat(coverage(null).booths()).isEmpty();
        assertThat(assignedTo(forum)).isEmpty();
        for (String interpreter : team) {
            InterpreterReleased released = awaitEvent(InterpreterReleased.class,
                    event -> event.interpreterId().equals(interpreter));
            assertThat(released.sessionId()).isEqualTo(forum.sessionId());
            assertThat(released.reason()).isEqualTo("SESSION_CANCELLED");
        }
        CoverageChanged uncovered = awaitEvent(CoverageChanged.class, event ->
                event.sessionId().equals(forum.sessionId()) && event.boothLanguage().equals("es")
                        && event.previousStatus() != null);
        assertThat(uncovered.status()).isEqualTo("UNCOVERED");
        assertThat(uncovered.assigned()).isZero();
        assertThat(uncovered.reason()).isEqualTo("The session was cancelled.");
    }

    @Test
    void releasesEveryInterpreterWhenAgendaServiceReleasesTheCancellation() {
        List<String> french = fixture.team("fr", 2);
        TestSession forum = fixture.session("09:00", 2, List.of("en"), List.of("fr"));
        TestEvents.publish(release(1, forum));
        await().atMost(PLANNING_PATIENCE).untilAsserted(() -> assertThat(coverage(null).booths())
                .singleElement().satisfies(booth -> assertThat(ids(booth.team()))
                        .containsExactlyInAnyOrderElementsOf(french)));

        TestEvents.publish(release(2, forum.cancel()));

        for (String interpreter : french) {
            InterpreterReleased released = awaitEvent(InterpreterReleased.class,
                    event -> event.interpreterId().equals(interpreter));
            assertThat(released.reason()).isEqualTo("SESSION_CANCELLED");
        }
        await().atMost(PLANNING_PATIENCE).untilAsserted(() -> assertThat(coverage(null).booths()).isEmpty());
    }

    @Test
    void movingOneSessionLeavesTheOtherSessionsTeamsAlone() {
        fixture.team("fr", 4);
        fixture.team("es", 4);
        TestSession morning = fixture.session("09:00", 2, List.of("en"), List.of("fr", "es"));
        TestSession afternoon = fixture.session("14:00", 2, List.of("en"), List.of("fr", "es"));
        fixture.release(morning);
        fixture.release(afternoon);
        fixture.awaitPlanned();
        List<String> afternoonTeams = assignedTo(afternoon);
        List<String> morningTeams = assignedTo(morning);
        assertThat(afternoonTeams).hasSize(4);

        fixture.release(morning.movedBy(Duration.ofHours(1)));
        fixture.awaitPlanned();

        assertThat(assignedTo(afternoon)).isEqualTo(afternoonTeams);
        assertThat(assignedTo(morning)).isEqualTo(morningTeams);
        assertThat(coverage(null).booths()).filteredOn(booth -> booth.sessionId().equals(morning.sessionId()))
                .allSatisfy(booth -> assertThat(booth.startsAt().local()).isEqualTo(fixture.day.atTime(10, 0)));
    }

    @Test
    void releasesTheBoothASessionLosesWhenItMovesToASmallerRoom() {
        fixture.team("fr", 2);
        List<String> spanish = fixture.team("es", 2);
        TestSession forum = fixture.session("09:00", 2, List.of("en"), List.of("fr", "es"));
        fixture.release(forum);
        fixture.awaitPlanned();

        fixture.release(forum.relocatedTo("Room B", 1));
        fixture.awaitPlanned();

        for (String interpreter : spanish) {
            InterpreterReleased released = awaitEvent(InterpreterReleased.class,
                    event -> event.interpreterId().equals(interpreter));
            assertThat(released.reason()).isEqualTo("SESSION_MOVED");
        }
        Map<String, Coverage.Booth> booths = byLanguage(coverage(null).booths());
        assertThat(booths.get("fr").team()).hasSize(2);
        assertThat(booths.get("es").status()).isEqualTo(CoverageStatus.UNCOVERED);
        assertThat(booths.get("es").team()).isEmpty();
        assertThat(booths.get("es").reason())
                .isEqualTo("Not enough interpretation booths in Room B: 1 for 2 languages.");
    }

    @Test
    void showsABoothUncoveredWithTheReasonWhenNobodyOnTheRosterWorksIntoItsLanguage() {
        fixture.team("fr", 2);
        TestSession forum = fixture.session("09:00", 2, List.of("en"), List.of("fr", "ar"));

        fixture.release(forum);
        fixture.awaitPlanned();

        List<Coverage.Booth> uncovered = coverage(CoverageStatus.UNCOVERED).booths();
        assertThat(uncovered).singleElement().satisfies(booth -> {
            assertThat(booth.boothLanguage()).isEqualTo("ar");
            assertThat(booth.team()).isEmpty();
            assertThat(booth.teamSize()).isEqualTo(2);
            assertThat(booth.reason()).isNotBlank();
        });
        assertThat(byLanguage(coverage(null).booths()).get("fr").team()).hasSize(2);
    }

    @Test
    void answersCoverageOfAnUnknownConferenceWithNotFound() {
        http.get().uri("/api/conferences/{c}/interpretation/coverage", "no-such-conference").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json");
    }

    private ScheduleReleased release(int version, TestSession session) {
        return new ScheduleReleased(fixture.conferenceId, version, Instant.now(),
                List.of(new ScheduleReleased.Change(session.sessionId(),
                        session.cancelled() ? "CANCELLED" : "SCHEDULED", session.title())),
                List.of(new ScheduleReleased.SessionState(session.sessionId(), session.sequence(),
                        Map.of("en", session.title()), session.startsAt(), session.endsAt(), session.roomId(),
                        session.roomName(), session.roomBooths(), session.floorLanguages(),
                        session.interpretationLanguages(), false, session.cancelled(), null, null, null, null)));
    }

    private Coverage coverage(CoverageStatus status) {
        return http.get().uri(builder -> builder.path("/api/conferences/{c}/interpretation/coverage")
                        .queryParamIfPresent("status", Optional.ofNullable(status))
                        .build(fixture.conferenceId))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Coverage.class).returnResult().getResponseBody();
    }

    /** Booth, interpreter and when they joined: a reshuffle or a re-assignment changes it. */
    private List<String> assignedTo(TestSession session) {
        return jdbc.sql("""
                select booth_language || ' ' || interpreter_id || ' ' || assigned_at from assignment
                where session_id = ? order by 1""")
                .param(session.sessionId()).query(String.class).list();
    }

    private static Map<String, Coverage.Booth> byLanguage(List<Coverage.Booth> booths) {
        return booths.stream().collect(Collectors.toMap(Coverage.Booth::boothLanguage, Function.identity()));
    }

    private static List<String> ids(List<Coverage.Interpreter> team) {
        return team.stream().map(Coverage.Interpreter::interpreterId).toList();
    }
}
