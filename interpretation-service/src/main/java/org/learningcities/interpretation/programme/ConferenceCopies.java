package org.learningcities.interpretation.programme;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;

import org.learningcities.contracts.agenda.ConferenceScheduled;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The conference table: the venue's zone and the dates, which the planner counts days and weeks by, and the
 * official languages.
 */
@Repository
class ConferenceCopies {

    private final JdbcClient jdbc;

    ConferenceCopies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Latest wins by event time, so a replayed older event cannot undo a newer change. Dates or zone changing
     * move every session's day, so the conference is planned again.
     *
     * @param scheduledAt the event's time; null (a producer without it) counts as now
     */
    void save(ConferenceScheduled conference, Instant scheduledAt) {
        int changed = jdbc.sql("""
                insert into conference (conference_id, time_zone, start_date, end_date, languages, changed_at)
                values (:conferenceId, :timeZone, :startDate, :endDate, cast(:languages as text[]),
                        coalesce(:changedAt, now()))
                on conflict (conference_id) do update set
                    time_zone = excluded.time_zone, start_date = excluded.start_date, end_date = excluded.end_date,
                    languages = excluded.languages, changed_at = excluded.changed_at
                where conference.changed_at <= excluded.changed_at""")
                .param("conferenceId", conference.conferenceId())
                .param("timeZone", conference.timeZone())
                .param("startDate", Date.valueOf(conference.startDate()))
                .param("endDate", Date.valueOf(conference.endDate()))
                .param("languages", conference.languages().toArray(String[]::new))
                .param("changedAt", scheduledAt == null ? null : Timestamp.from(scheduledAt))
                .update();
        if (changed > 0) {
            ReplanRequests.request(jdbc, conference.conferenceId());
        }
    }
}
