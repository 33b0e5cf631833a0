package org.learningcities.notification.interpreters;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.learningcities.contracts.EventCatalog;
import org.learningcities.messaging.EventHandlers;
import org.learningcities.messaging.Inbox;
import org.learningcities.notification.delivery.NotificationRequest;
import org.learningcities.notification.delivery.Notifications;
import org.learningcities.notification.delivery.RecipientKind;
import org.learningcities.notification.messages.MessageComposer.Facts;
import org.learningcities.notification.messages.MessageTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;

/**
 * Interpreters hear when they are assigned to a booth (with the session as a calendar entry) and when they are
 * released from one. The copy of assignments kept here decides which interpreters a schedule release concerns.
 */
@Configuration(proxyBeanMethods = false)
class InterpreterNotices {

    /** A cancelled session's interpreters learn of it from the schedule release's digest, which says why. */
    private static final String SESSION_CANCELLED = "SESSION_CANCELLED";

    @Bean
    Consumer<Message<byte[]>> assignmentEvents(Inbox inbox, Notifications notifications, JdbcClient jdbc) {
        return inbox.consumer("notification-service.assignments", EventHandlers.builder()
                .on(EventCatalog.INTERPRETER_ASSIGNED, event -> {
                    var assigned = event.payload();
                    save(jdbc, assigned.sessionId(), assigned.interpreterId(), assigned.conferenceId(),
                            assigned.boothLanguage(), true, event.time());
                    Map<String, String> facts = new HashMap<>();
                    facts.put(Facts.BOOTH_LANGUAGE, assigned.boothLanguage());
                    if (assigned.relayLanguage() != null) {
                        facts.put(Facts.RELAY_LANGUAGE, assigned.relayLanguage());
                    }
                    notifications.queue(new NotificationRequest(event.id(), assigned.interpreterId(),
                            RecipientKind.INTERPRETER, assigned.conferenceId(), MessageTemplate.INTERPRETER_ASSIGNED,
                            assigned.sessionId(), false, facts));
                })
                .on(EventCatalog.INTERPRETER_RELEASED, event -> {
                    var released = event.payload();
                    save(jdbc, released.sessionId(), released.interpreterId(), released.conferenceId(),
                            released.boothLanguage(), false, event.time());
                    if (!SESSION_CANCELLED.equals(released.reason())) {
                        notifications.queue(new NotificationRequest(event.id(), released.interpreterId(),
                                RecipientKind.INTERPRETER, released.conferenceId(),
                                MessageTemplate.INTERPRETER_RELEASED, released.sessionId(), false,
                                Map.of(Facts.BOOTH_LANGUAGE, released.boothLanguage())));
                    }
                })
                .build());
    }

    /** Latest wins by event time, so a replayed older assignment cannot bring back a released interpreter. */
    private static void save(JdbcClient jdbc, String sessionId, String interpreterId, String conferenceId,
                             String boothLanguage, boolean active, Instant changedAt) {
        jdbc.sql("""
                insert into interpreter_assignment (session_id, interpreter_id, conference_id, booth_language, active,
                                                    changed_at)
                values (:sessionId, :interpreterId, :conferenceId, :boothLanguage, :active, coalesce(:changedAt, now()))
                on conflict (session_id, interpreter_id) do update set
                    booth_language = excluded.booth_language, active = excluded.active, changed_at = excluded.changed_at
                where interpreter_assignment.changed_at <= excluded.changed_at""")
                .param("sessionId", sessionId)
                .param("interpreterId", interpreterId)
                .param("conferenceId", conferenceId)
                .param("boothLanguage", boothLanguage)
                .param("active", active)
                .param("changedAt", changedAt == null ? null : Timestamp.from(changedAt))
                .update();
    }
}
