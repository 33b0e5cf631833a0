package org.learningcities.notification.enrolments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import org.learningcities.contracts.EventCatalog;
import org.learningcities.messaging.EventHandlers;
import org.learningcities.messaging.Inbox;
import org.learningcities.notification.delivery.NotificationRequest;
import org.learningcities.notification.delivery.Notifications;
import org.learningcities.notification.messages.MessageComposer.Facts;
import org.learningcities.notification.messages.MessageTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;

/**
 * A delegate hears when their place in a session is confirmed, when they wait for one and at which position,
 * and when a place freed up for them. The copy of enrolments kept here decides who hears about a change to
 * a session that needs enrolment. A message waits until the session's copy has arrived with its release.
 */
@Configuration(proxyBeanMethods = false)
class EnrolmentNotices {

    @Bean
    Consumer<Message<byte[]>> enrolmentEvents(Inbox inbox, Notifications notifications, JdbcClient jdbc) {
        return inbox.consumer("notification-service.enrolments", EventHandlers.builder()
                .on(EventCatalog.ENROLMENT_CONFIRMED, event -> {
                    var enrolment = event.payload();
                    save(jdbc, enrolment.sessionId(), enrolment.registrationId(), "CONFIRMED", event.time());
                    notifications.queue(NotificationRequest.toDelegate(event.id(), enrolment.registrationId(),
                                    enrolment.conferenceId(), MessageTemplate.ENROLMENT_CONFIRMED, Map.of())
                            .aboutSession(enrolment.sessionId()));
                })
                .on(EventCatalog.ENROLMENT_WAITLISTED, event -> {
                    var enrolment = event.payload();
                    save(jdbc, enrolment.sessionId(), enrolment.registrationId(), "WAITLISTED", event.time());
                    notifications.queue(NotificationRequest.toDelegate(event.id(), enrolment.registrationId(),
                                    enrolment.conferenceId(), MessageTemplate.ENROLMENT_WAITLISTED,
                                    Map.of(Facts.POSITION, Integer.toString(enrolment.position())))
                            .aboutSession(enrolment.sessionId()));
                })
                .on(EventCatalog.ENROLMENT_PROMOTED, event -> {
                    var enrolment = event.payload();
                    save(jdbc, enrolment.sessionId(), enrolment.registrationId(), "CONFIRMED", event.time());
                    notifications.queue(NotificationRequest.toDelegate(event.id(), enrolment.registrationId(),
                                    enrolment.conferenceId(), MessageTemplate.ENROLMENT_PROMOTED, Map.of())
                            .aboutSession(enrolment.sessionId()));
                })
                // The delegate left on their own: they know, and no message is owed.
                .on(EventCatalog.ENROLMENT_CANCELLED, event -> save(jdbc, event.payload().sessionId(),
                        event.payload().registrationId(), "CANCELLED", event.time()))
                .build());
    }

    /** Latest wins by event time, so a replayed older event cannot undo a newer one. */
    private static void save(JdbcClient jdbc, String sessionId, String registrationId, String status, Instant changedAt) {
        jdbc.sql("""
                insert into enrolment (session_id, registration_id, status, changed_at)
                values (:sessionId, :registrationId, :status, coalesce(:changedAt, now()))
                on conflict (session_id, registration_id) do update set status = excluded.status,
                                                                       changed_at = excluded.changed_at
                where enrolment.changed_at <= excluded.changed_at""")
                .param("sessionId", sessionId)
                .param("registrationId", registrationId)
                .param("status", status)
                .param("changedAt", changedAt == null ? null : Timestamp.from(changedAt))
                .update();
    }
}
