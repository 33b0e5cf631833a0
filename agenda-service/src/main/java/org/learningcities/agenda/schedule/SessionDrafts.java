package org.learningcities.agenda.schedule;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The session_draft table: the organisers' working copy of the programme. */
@Repository
class SessionDrafts {

    private static final String SELECT = "select d.id, d.conference_id, d.type, d.region, d.titles, d.room_id,"
            + " r.name as room_name, d.starts_at, d.ends_at, d.floor_languages, d.interpretation_languages,"
            + " d.speakers, d.capacity, d.enrolment_required, d.cancelled, d.cancellation_reason"
            + " from session_draft d left join room r on r.id = d.room_id";

    private final JdbcClient jdbc;
    private final SessionRows rows;

    SessionDrafts(JdbcClient jdbc, SessionRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    void insert(Session session) {
        jdbc.sql("insert into session_draft (id, " + SessionRows.CONTENT_COLUMNS + ") values (:id, "
                        + SessionRows.CONTENT_VALUES + ")")
                .params(rows.parameters(session))
                .update();
    }

    void update(Session session) {
        jdbc.sql("""
                        update session_draft set type = :type, region = :region, titles = cast(:titles as jsonb),
                            room_id = :roomId, starts_at = :startsAt, ends_at = :endsAt,
                            floor_languages = :floorLanguages, interpretation_languages = :interpretationLanguages,
                            speakers = :speakers, capacity = :capacity, enrolment_required = :enrolmentRequired,
                            cancelled = :cancelled, cancellation_reason = :cancellationReason
                        where id = :id and conference_id = :conferenceId""")
                .params(rows.parameters(session))
                .update();
    }

    Optional<Session> find(String conferenceId, String sessionId) {
        return jdbc.sql(SELECT + " where d.conference_id = ? and d.id = ?")
                .params(conferenceId, sessionId)
                .query((row, number) -> rows.session(row))
                .optional();
    }

    List<Session> allOf(String conferenceId) {
        return jdbc.sql(SELECT + " where d.conference_id = ? order by d.starts_at, d.id")
                .param(conferenceId)
                .query((row, number) -> rows.session(row))
                .list();
    }

    /** Another session, not cancelled, in the same room at an overlapping time. */
    Optional<Session> sharingTheRoom(Session session) {
        return jdbc.sql(SELECT + "\n" + """
                         where d.room_id = :roomId and d.id <> :id and not d.cancelled
                           and d.starts_at < :endsAt and d.ends_at > :startsAt
                         order by d.starts_at, d.id limit 1""")
                .params(rows.parameters(session))
                .query((row, number) -> rows.session(row))
                .optional();
    }

    /** Another session of the conference, not cancelled, at an overlapping time with a speaker in common. */
    Optional<Session> sharingASpeaker(Session session) {
        return jdbc.sql(SELECT + "\n" + """
                         where d.conference_id = :conferenceId and d.id <> :id and not d.cancelled
                           and d.starts_at < :endsAt and d.ends_at > :startsAt
                           and exists (select 1 from unnest(d.speakers) speaker, unnest(cast(:speakers as text[])) given
                                       where lower(speaker) = lower(given))
                         order by d.starts_at, d.id limit 1""")
                .params(rows.parameters(session))
                .query((row, number) -> rows.session(row))
                .optional();
    }
}
