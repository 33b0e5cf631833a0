package org.learningcities.interpretation.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.learningcities.contracts.agenda.ConferenceScheduled;
import org.learningcities.contracts.agenda.EnrolmentCancelled;
import org.learningcities.contracts.agenda.EnrolmentConfirmed;
import org.learningcities.contracts.agenda.ScheduleReleased;
import org.learningcities.contracts.agenda.ScheduleReleased.SessionState;
import org.learningcities.interpretation.InterpretationIntegrationTest;
import org.learningcities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The copies of agenda-service's conferences, sessions and enrolments that planning and receiver demand read. */
class ProgrammeCopiesTest extends InterpretationIntegrationTest {

    private static final Duration KAFKA_PATIENCE = Duration.ofSeconds(60);
    private static final Instant OPENING = Instant.parse("2013-10-21T01:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Test
    void keepsTheConferencesZoneDatesAndLanguages() {
        String conference = newConference();

        TestEvents.publish(new ConferenceScheduled(conference, "International Conference on Learning Cities",
                "Beijing", "CN", "Beijing International Hotel", "Asia/Shanghai", LocalDate.parse("2013-10-21"),
                LocalDate.parse("2013-10-23"), List.of("en", "zh", "fr", "es"), OPENING.minusSeconds(86_400L * 140),
                OPENING.minusSeconds(86_400L * 20), 500, false));

        await().atMost(KAFKA_PATIENCE).untilAsserted(() -> assertThat(jdbc.sql("""
                        select time_zone || ' ' || start_date || ' ' || end_date || ' ' || array_to_string(languages, ',')
                        from conference where conference_id = ?""").param(conference).query(String.class).optional())
                .contains("Asia/Shanghai 2013-10-21 2013-10-23 en,zh,fr,es"));
    }

    @Test
    void savesEveryReleasedSessionWithItsRoomBoothsAndLanguagesAndAsksForANewPlan() {
        // No ConferenceScheduled: the planner takes requests of known conferences only, so this one stays put.
        String conference = newConference();
        String plenary = "plenary-" + UUID.randomUUID();
        String visit = "visit-" + UUID.randomUUID();

        TestEvents.publish(release(conference, 1,
                new SessionState(plenary, 0, Map.of("en", "Opening plenary", "zh", "开幕全体会议"), OPENING,
                        OPENING.plusSeconds(5400), "hall-b", "Hall B", 4, List.of("en", "zh"),
                        List.of("en", "zh", "fr", "es"), false, false, null, null, null, null),
                new SessionState(visit, 0, Map.of("en", "Study visit"), OPENING, OPENING.plusSeconds(14_400), null,
                        null, null, List.of("zh"), List.of(), true, false, null, null, null, null)));

        await().atMost(KAFKA_PATIENCE).untilAsserted(() -> {
            assertThat(row(plenary)).contains(
                    "1 0 {\"en\": \"Opening plenary\", \"zh\": \"开幕全体会议\"} hall-b Hall B 4 {en,zh} {en,zh,fr,es} false false");
            assertThat(row(visit)).contains("1 0 {\"en\": \"Study visit\"} - - - {zh} {} true false");
        });
        assertThat(jdbc.sql("select count(*) from replan_request where conference_id = ?").param(conference)
                .query(Integer.class).single()).isOne();
    }

    @Test
    void aReplayedOlderReleaseDoesNotOverwriteANewerSessionState() {
        String conference = newConference();
        String forum = "forum-" + UUID.randomUUID();
        String marker = "marker-" + UUID.randomUUID();
        ScheduleReleased first = release(conference, 1, forum(forum, 0, OPENING, "hall-b", "Hall B", false));
        ScheduleReleased second = release(conference, 2,
                forum(forum, 1, OPENING.plusSeconds(7200), "room-3", "Room 3", false));
        TestEvents.publish(first);
        TestEvents.publish(second);
        await().atMost(KAFKA_PATIENCE).untilAsserted(() -> assertThat(row(forum)).hasValueSatisfying(
                row -> assertThat(row).startsWith("2 1 ")));

        // Same key, same partition: once the marker's release is saved, the replay before it has been consumed.
        TestEvents.publish(first);
        TestEvents.publish(release(conference, 3, forum(marker, 0, OPENING, "hall-b", "Hall B", false)));
        await().atMost(KAFKA_PATIENCE).until(() -> row(marker).isPresent());

        assertThat(row(forum)).hasValueSatisfying(row -> assertThat(row)
                .startsWith("2 1 ").contains(" room-3 Room 3 2 "));
    }

    @Test
    void keepsTheLatestEnrolmentByTheTimeItHappened() {
        String conference = newConference();
        String forum = "forum-" + UUID.randomUUID();
        String delegate = "reg-" + UUID.randomUUID();
        Instant enrolled = OPENING.minusSeconds(86_400L * 10);

        TestEvents.publish(new EnrolmentConfirmed(forum, conference, delegate, enrolled));
        TestEvents.publish(new EnrolmentCancelled(forum, conference, delegate, enrolled.plusSeconds(3600)));
        TestEvents.publish(new EnrolmentConfirmed(forum, conference, delegate, enrolled));   // replayed, older

        String other = "reg-" + UUID.randomUUID();
        TestEvents.publish(new EnrolmentConfirmed(forum, conference, other, enrolled));   // marker, same partition
        await().atMost(KAFKA_PATIENCE).until(() -> enrolment(forum, other).isPresent());

        assertThat(enrolment(forum, delegate)).contains("CANCELLED");
    }

    private Optional<String> row(String sessionId) {
        return jdbc.sql("""
                        select schedule_version || ' ' || sequence || ' ' || titles::text || ' '
                               || coalesce(room_id, '-') || ' ' || coalesce(room_name, '-') || ' '
                               || coalesce(room_booths::text, '-') || ' ' || floor_languages::text || ' '
                               || interpretation_languages::text || ' ' || enrolment_required::text || ' ' || cancelled::text
                        from session where session_id = ?""")
                .param(sessionId).query(String.class).optional();
    }

    private Optional<String> enrolment(String sessionId, String registrationId) {
        return jdbc.sql("select status from enrolment where session_id = ? and registration_id = ?")
                .params(sessionId, registrationId).query(String.class).optional();
    }

    private static SessionState forum(String sessionId, int sequence, Instant startsAt, String roomId,
                                      String roomName, boolean cancelled) {
        return new SessionState(sessionId, sequence, Map.of("en", "Regional forum: Africa"), startsAt,
                startsAt.plusSeconds(5400), roomId, roomName, roomId.equals("room-3") ? 2 : 4, List.of("en"),
                List.of("fr"), true, cancelled, null, null, null, null);
    }

    private static ScheduleReleased release(String conferenceId, int version, SessionState... sessions) {
        return new ScheduleReleased(conferenceId, version, OPENING.minusSeconds(86_400L * 30), List.of(),
                List.of(sessions));
    }

    private static String newConference() {
        return "beijing-2013-" + UUID.randomUUID();
    }
}
