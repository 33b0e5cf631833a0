package org.learningcities.notification.programme;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;

import org.learningcities.contracts.agenda.ConferenceScheduled;
import org.learningcities.notification.delivery.DispatcherWakeUp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This service's copy of the conferences agenda-service schedules: what a message needs to say which
 * conference it is about (title, city, dates) and on which clocks (the venue's zone).
 */
@Component
class ConferenceReplica {

    private final JdbcClient jdbc;
    private final DispatcherWakeUp dispatcherWakeUp;

    ConferenceReplica(JdbcClient jdbc, DispatcherWakeUp dispatcherWakeUp) {
        this.jdbc = jdbc;
        this.dispatcherWakeUp = dispatcherWakeUp;
    }

    /** Latest wins by event time, so a replayed older event cannot undo a newer change. */
    void save(ConferenceScheduled conference, Instant scheduledAt) {
        jdbc.sql("""
                insert into conference (conference_id, title, city, time_zone, start_date, end_date, changed_at)
                values (:conferenceId, :title, :city, :timeZone, :startDate, :endDate, coalesce(:changedAt, now()))
                on conflict (conference_id) do update set
                    title = excluded.title, city = excluded.city, time_zone = excluded.time_zone,
                    start_date = excluded.start_date, end_date = excluded.end_date, changed_at = excluded.changed_at
                where conference.changed_at <= excluded.changed_at""")
                .param("conferenceId", conference.conferenceId())
                .param("title", conference.title())
                .param("city", conference.city())
                .param("timeZone", conference.timeZone())
                .param("startDate", Date.valueOf(conference.startDate()))
                .param("endDate", Date.valueOf(conference.endDate()))
                .param("changedAt", scheduledAt == null ? null : Timestamp.from(scheduledAt))
                .update();
        // Messages about a conference whose schedule arrives after them wait for it.
        dispatcherWakeUp.afterCommit();
    }
}
