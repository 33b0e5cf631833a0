package org.learningcities.notification.recipients;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;

import org.learningcities.contracts.EventCatalog;
import org.learningcities.contracts.registration.DelegateContactChanged;
import org.learningcities.messaging.EventHandlers;
import org.learningcities.messaging.Inbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;

/**
 * Who can be written to and how: the delegates' contact details from registration-service's internal
 * contact topic, one row per registration. Notifications for a registration not yet known wait for it.
 */
@Configuration(proxyBeanMethods = false)
class RecipientReplica {

    @Bean
    Consumer<Message<byte[]>> contactEvents(Inbox inbox, JdbcClient jdbc) {
        return inbox.consumer("notification-service.contacts", EventHandlers.builder()
                .on(EventCatalog.DELEGATE_CONTACT_CHANGED, event -> save(jdbc, event.payload(), event.time()))
                .build());
    }

    /** Latest wins by event time, so a replayed older contact cannot overwrite a newer address. */
    private static void save(JdbcClient jdbc, DelegateContactChanged contact, Instant changedAt) {
        jdbc.sql("""
                insert into recipient (registration_id, conference_id, given_name, family_name, email, phone,
                                       correspondence_language, changed_at)
                values (:registrationId, :conferenceId, :givenName, :familyName, :email, :phone,
                        :correspondenceLanguage, coalesce(:changedAt, now()))
                on conflict (registration_id) do update set
                    conference_id = excluded.conference_id, given_name = excluded.given_name,
                    family_name = excluded.family_name, email = excluded.email, phone = excluded.phone,
                    correspondence_language = excluded.correspondence_language, changed_at = excluded.changed_at
                where recipient.changed_at <= excluded.changed_at""")
                .param("registrationId", contact.registrationId())
                .param("conferenceId", contact.conferenceId())
                .param("givenName", contact.givenName())
                .param("familyName", contact.familyName())
                .param("email", contact.email())
                .param("phone", contact.phone())
                .param("correspondenceLanguage", contact.correspondenceLanguage())
                .param("changedAt", changedAt == null ? null : Timestamp.from(changedAt))
                .update();
    }
}
