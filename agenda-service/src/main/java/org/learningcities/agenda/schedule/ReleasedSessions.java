package org.learningcities.agenda.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The released_session table, which only releases write; delegates, enrolment and calendars read it. */
@Repository
class ReleasedSessions {

    private static final String SELECT = "select session_id as id, room_name, schedule_version, sequence, "
            + SessionRows.CONTENT_COLUMNS + " from released_session";

    private final JdbcClient jdbc;
    private final SessionRows rows;

    ReleasedSessions(JdbcClient jdbc, SessionRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    Optional<ReleasedSession> find(String sessionId) {
        return jdbc.sql(SELECT + " where session_id = ?")
                .param(sessionId)
                .query((row, number) -> released(row))
                .optional();
    }

    /** The released state of each session of the conference, by session id. */
    Map<String, ReleasedSession> allOf(String conferenceId) {
        return jdbc.sql(SELECT + " where conference_id = ?")
                .param(conferenceId)
                .query((row, number) -> released(row))
                .stream()
                .collect(Collectors.toMap(released -> released.session().id(), Function.identity()));
    }

    private ReleasedSession released(ResultSet row) throws SQLException {
        return new ReleasedSession(rows.session(row), row.getInt("schedule_version"), row.getInt("sequence"));
    }

    void save(ReleasedSession released) {
        jdbc.sql("insert into released_session (session_id, room_name, schedule_version, sequence, "
                        + SessionRows.CONTENT_COLUMNS + ") values (:id, :roomName, :scheduleVersion, :sequence, "
                        + SessionRows.CONTENT_VALUES + """
                        ) on conflict (session_id) do update set
                            type = excluded.type, region = excluded.region, titles = excluded.titles,
                            room_id = excluded.room_id, room_name = excluded.room_name,
                            starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                            floor_languages = excluded.floor_languages,
                            interpretation_languages = excluded.interpretation_languages,
                            speakers = excluded.speakers, capacity = excluded.capacity,
                            enrolment_required = excluded.enrolment_required, cancelled = excluded.cancelled,
                            cancellation_reason = excluded.cancellation_reason,
                            schedule_version = excluded.schedule_version, sequence = excluded.sequence""")
                .params(rows.parameters(released.session()))
                .param("scheduleVersion", released.scheduleVersion())
                .param("sequence", released.sequence())
                .update();
    }

    /**
     * @param scheduleVersion the release that last changed the session
     * @param sequence        how often the released session changed, from 0 (iCalendar SEQUENCE)
     */
    record ReleasedSession(Session session, int scheduleVersion, int sequence) {
    }
}
