package org.learningcities.notification.conferences;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;

import org.learningcities.contracts.EventCatalog;
import org.learningcities.contracts.agenda.ConferenceScheduled;
import org.learningcities.messaging.EventHandlers;
import org.learningcities.messaging.Inbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;

/**
 * This service's copy of the conferences agenda-service schedules: what an e-mail needs to say which
 * conference it is about (title, city, dates). Notifications about a conference not yet copied wait for it.
 */
@Configuration(proxyBeanMethods = false)
class ConferenceReplica {

    @Bean
    Consumer<Message<byte[]>> conferenceEvents(Inbox inbox, JdbcClient jdbc) {
        return inbox.consumer("notification-service.conferences", EventHandlers.builder()
                .on(EventCatalog.CONFERENCE_SCHEDULED, event -> save(jdbc, event.payload(), event.time()))
                .build());
    }

    /** Latest wins by event time, so a replayed older event cannot undo a newer change. */
    private static void save(JdbcClient jdbc, ConferenceScheduled conference, Instant scheduledAt) {
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
    }
}
