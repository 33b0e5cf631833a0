package org.learningcities.interpretation.assignments;

import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.learningcities.contracts.EventCatalog;
import org.learningcities.contracts.IntegrationEvent;
import org.learningcities.contracts.Topics;
import org.learningcities.testsupport.TopicRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays agenda-service's released programme and the roster as their consumers and API would store them. Every
 * test plans on a day of its own, far from any other test's, so interpreters other tests add are never available
 * to it: the global roster cannot leak between tests.
 */
final class PlanningFixture {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final Duration PLANNING_PATIENCE = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    final String conferenceId = "iclc-" + UUID.randomUUID();
    // A day of its own for every fixture, in any season: test classes share the database and the roster.
    final LocalDate day = LocalDate.of(2200 + ThreadLocalRandom.current().nextInt(600), 1, 1)
            .plusDays(ThreadLocalRandom.current().nextInt(365));

    PlanningFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
        jdbc.sql("""
                insert into conference (conference_id, time_zone, start_date, end_date, languages, changed_at)
                values (?, ?, ?, ?, cast(? as text[]), now())""")
                .params(conferenceId, BEIJING.getId(), day, day.plusDays(2),
                        new String[] {"en", "zh", "fr", "es"})
                .update();
    }

    /** A session on the fixture's day in the Plenary Hall (4 booths), from the local time for the given hours. */
    TestSession session(String localStart, int hours, List<String> floorLanguages, List<String> interpretation) {
        Instant startsAt = day.atTime(LocalTime.parse(localStart)).atZone(BEIJING).toInstant();
        return new TestSession("s-" + UUID.randomUUID(), 1, "Plenary " + localStart, startsAt,
                startsAt.plus(Duration.ofHours(hours)), "plenary-hall", "Plenary Hall", 4, floorLanguages,
                interpretation, false);
    }

    /** As a ScheduleReleased consumer does: the session as released, and a re-plan of its conference. */
    void release(TestSession session) {
        jdbc.sql("""
                insert into session (session_id, conference_id, schedule_version, sequence, titles, starts_at, ends_at,
                                     room_id, room_name, room_booths, floor_languages, interpretation_languages,
                                     enrolment_required, cancelled)
                values (:id, :conference, :sequence, :sequence, cast(:titles as jsonb), :startsAt, :endsAt, :roomId,
                        :roomName, :booths, cast(:floor as text[]), cast(:interpretation as text[]), false, :cancelled)
                on conflict (session_id) do update set
                    schedule_version = excluded.schedule_version, sequence = excluded.sequence,
                    starts_at = excluded.starts_at, ends_at = excluded.ends_at, room_id = excluded.room_id,
                    room_name = excluded.room_name, room_booths = excluded.room_booths,
                    interpretation_languages = excluded.interpretation_languages, cancelled = excluded.cancelled""")
                .param("id", session.sessionId())
                .param("conference", conferenceId)
                .param("sequence", session.sequence())
                .param("titles", JSON.writeValueAsString(Map.of("en", session.title(), "zh", "全体会议")))
                .param("startsAt", Timestamp.from(session.startsAt()))
                .param("endsAt", Timestamp.from(session.endsAt()))
                .param("roomId", session.roomId())
                .param("roomName", session.roomName())
                .param("booths", session.roomBooths())
                .param("floor", session.floorLanguages().toArray(String[]::new))
                .param("interpretation", session.interpretationLanguages().toArray(String[]::new))
                .param("cancelled", session.cancelled())
                .update();
        jdbc.sql("""
                insert into replan_request (conference_id) values (?)
                on conflict (conference_id) do update set requested_at = clock_timestamp()""")
                .param(conferenceId).update();
    }

    /** An interpreter available on the fixture's day and the next, with languages as tag to class (A, B, C). */
    String interpreter(String familyName, Map<String, String> languages) {
        String id = "int-" + UUID.randomUUID();
        jdbc.sql("""
                insert into interpreter (interpreter_id, given_name, family_name, email, correspondence_language)
                values (?, 'Test', ?, ?, 'en')""")
                .params(id, familyName, id + "@interpreters.example.org").update();
        languages.forEach((language, languageClass) -> jdbc.sql(
                        "insert into interpreter_language (interpreter_id, language, class) values (?, ?, ?)")
                .params(id, language, languageClass).update());
        for (LocalDate available : List.of(day, day.plusDays(1))) {
            jdbc.sql("insert into interpreter_availability (interpreter_id, available_on) values (?, ?)")
                    .params(id, available).update();
        }
        return id;
    }

    /** Interpreters working into the language from English and Chinese: a full team for a one-way booth. */
    List<String> team(String language, int size) {
        return IntStream.range(0, size)
                .mapToObj(n -> interpreter(language.toUpperCase() + n, Map.of(language, "A", "en", "C", "zh", "C")))
                .toList();
    }

    /** Waits until the loop has planned everything released so far (it deletes the request when it commits). */
    void awaitPlanned() {
        await().atMost(PLANNING_PATIENCE).until(() -> jdbc.sql(
                "select count(*) from replan_request where conference_id = ?").param(conferenceId)
                .query(Integer.class).single() == 0);
    }

    /** The first event of the type on interpretation.assignments.v1 that matches, as a subscriber reads it. */
    static <T extends IntegrationEvent> T awaitEvent(Class<T> type, Predicate<T> matching) {
        String ceType = EventCatalog.of(type).type();
        TopicRecords.Received record = TopicRecords.await(Topics.INTERPRETATION_ASSIGNMENTS,
                received -> ceType.equals(received.headers().get("ce_type"))
                        && matching.test(JSON.readValue(received.value(), type)));
        return JSON.readValue(record.value(), type);
    }

    record TestSession(String sessionId, int sequence, String title, Instant startsAt, Instant endsAt, String roomId,
                       String roomName, Integer roomBooths, List<String> floorLanguages,
                       List<String> interpretationLanguages, boolean cancelled) {

        TestSession movedBy(Duration shift) {
            return new TestSession(sessionId, sequence + 1, title, startsAt.plus(shift), endsAt.plus(shift), roomId,
                    roomName, roomBooths, floorLanguages, interpretationLanguages, cancelled);
        }

        TestSession relocatedTo(String room, int booths) {
            return new TestSession(sessionId, sequence + 1, title, startsAt, endsAt, room.toLowerCase(), room, booths,
                    floorLanguages, interpretationLanguages, cancelled);
        }

        TestSession cancel() {
            return new TestSession(sessionId, sequence + 1, title, startsAt, endsAt, roomId, roomName, roomBooths,
                    floorLanguages, interpretationLanguages, true);
        }

        TestSession inSequence(int newSequence) {
            return new TestSession(sessionId, newSequence, title, startsAt, endsAt, roomId, roomName, roomBooths,
                    floorLanguages, interpretationLanguages, cancelled);
        }
    }
}
