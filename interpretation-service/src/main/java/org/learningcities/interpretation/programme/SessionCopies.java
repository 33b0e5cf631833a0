package org.learningcities.interpretation.programme;

import java.sql.Timestamp;

import org.learningcities.contracts.agenda.ScheduleReleased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The session table: every released session as the latest release that changed it describes it, cancelled ones
 * included (marked), so the planner and receiver demand see the programme delegates see.
 */
@Repository
class SessionCopies {

    private static final Logger log = LoggerFactory.getLogger(SessionCopies.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SessionCopies(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Saves the release's sessions and asks for a new interpretation plan of the conference. A session already
     * saved from a later release keeps that state: a replayed older release changes nothing and asks for no plan.
     */
    void release(ScheduleReleased release) {
        int saved = 0;
        for (ScheduleReleased.SessionState session : release.sessions()) {
            saved += save(release, session);
        }
        if (saved > 0) {
            ReplanRequests.request(jdbc, release.conferenceId());
        }
        log.info("Schedule version {} of {}: {} of {} sessions saved", release.version(), release.conferenceId(),
                saved, release.sessions().size());
    }

    private int save(ScheduleReleased release, ScheduleReleased.SessionState session) {
        return jdbc.sql("""
                insert into session (session_id, conference_id, schedule_version, sequence, titles, starts_at, ends_at,
                                     room_id, room_name, room_booths, floor_languages, interpretation_languages,
                                     enrolment_required, cancelled)
                values (:sessionId, :conferenceId, :version, :sequence, cast(:titles as jsonb), :startsAt, :endsAt,
                        :roomId, :roomName, :roomBooths, cast(:floorLanguages as text[]),
                        cast(:interpretationLanguages as text[]), :enrolmentRequired, :cancelled)
                on conflict (session_id) do update set
                    conference_id = excluded.conference_id, schedule_version = excluded.schedule_version,
                    sequence = excluded.sequence, titles = excluded.titles, starts_at = excluded.starts_at,
                    ends_at = excluded.ends_at, room_id = excluded.room_id, room_name = excluded.room_name,
                    room_booths = excluded.room_booths, floor_languages = excluded.floor_languages,
                    interpretation_languages = excluded.interpretation_languages,
                    enrolment_required = excluded.enrolment_required, cancelled = excluded.cancelled
                where session.schedule_version <= excluded.schedule_version""")
                .param("sessionId", session.sessionId())
                .param("conferenceId", release.conferenceId())
                .param("version", release.version())
                .param("sequence", session.sequence())
                .param("titles", json.writeValueAsString(session.titles()))
                .param("startsAt", Timestamp.from(session.startsAt()))
                .param("endsAt", Timestamp.from(session.endsAt()))
                .param("roomId", session.roomId())
                .param("roomName", session.roomName())
                .param("roomBooths", session.roomBooths())
                .param("floorLanguages", session.floorLanguages().toArray(String[]::new))
                .param("interpretationLanguages", session.interpretationLanguages().toArray(String[]::new))
                .param("enrolmentRequired", session.enrolmentRequired())
                .param("cancelled", session.cancelled())
                .update();
    }
}
