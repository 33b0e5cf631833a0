package org.learningcities.notification.recipients;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;

import org.learningcities.contracts.EventCatalog;
import org.learningcities.messaging.EventHandlers;
import org.learningcities.messaging.Inbox;
import org.learningcities.notification.delivery.RecipientKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;

/**
 * Who can be written to and how: delegates' contact details from registration-service's internal contact topic,
 * interpreters' from interpretation-service's, and the badge token the approval e-mail attaches. Messages for a
 * recipient not yet known wait for them.
 */
@Configuration(proxyBeanMethods = false)
class RecipientReplica {

    @Bean
    Consumer<Message<byte[]>> contactEvents(Inbox inbox, JdbcClient jdbc) {
        return inbox.consumer("notification-service.contacts", EventHandlers.builder()
                .on(EventCatalog.DELEGATE_CONTACT_CHANGED, event -> {
                    var contact = event.payload();
                    save(jdbc, new Contact(contact.registrationId(), RecipientKind.DELEGATE, contact.conferenceId(),
                            contact.givenName(), contact.familyName(), contact.email(), contact.phone(),
                            contact.correspondenceLanguage()), event.time());
                })
                .build());
    }

    @Bean
    Consumer<Message<byte[]>> interpreterContactEvents(Inbox inbox, JdbcClient jdbc) {
        return inbox.consumer("notification-service.interpreter-contacts", EventHandlers.builder()
                .on(EventCatalog.INTERPRETER_CONTACT_CHANGED, event -> {
                    var contact = event.payload();
                    save(jdbc, new Contact(contact.interpreterId(), RecipientKind.INTERPRETER, null,
                            contact.givenName(), contact.familyName(), contact.email(), contact.phone(),
                            contact.correspondenceLanguage()), event.time());
                })
                .build());
    }

    @Bean
    Consumer<Message<byte[]>> badgeEvents(Inbox inbox, JdbcClient jdbc) {
        return inbox.consumer("notification-service.badges", EventHandlers.builder()
                .on(EventCatalog.BADGE_ISSUED, event -> jdbc.sql("""
                                insert into badge (registration_id, serial, token, issued_at)
                                values (?, ?, ?, ?)
                                on conflict (registration_id) do update set
                                    serial = excluded.serial, token = excluded.token, issued_at = excluded.issued_at
                                where badge.serial < excluded.serial""")
                        .params(event.payload().registrationId(), event.payload().serial(), event.payload().token(),
                                Timestamp.from(event.payload().issuedAt()))
                        .update())
                .build());
    }

    private record Contact(String recipientId, RecipientKind kind, String conferenceId, String givenName,
                           String familyName, String email, String phone, String correspondenceLanguage) {
    }

    /** Latest wins by event time, so a replayed older contact cannot overwrite a newer address. */
    private static void save(JdbcClient jdbc, Contact contact, Instant changedAt) {
        jdbc.sql("""
                insert into recipient (recipient_id, kind, conference_id, given_name, family_name, email, phone,
                                       correspondence_language, changed_at)
                values (:recipientId, :kind, :conferenceId, :givenName, :familyName, :email, :phone,
                        :correspondenceLanguage, coalesce(:changedAt, now()))
                on conflict (recipient_id) do update set
                    kind = excluded.kind, conference_id = excluded.conference_id, given_name = excluded.given_name,
                    family_name = excluded.family_name, email = excluded.email, phone = excluded.phone,
                    correspondence_language = excluded.correspondence_language, changed_at = excluded.changed_at
                where recipient.changed_at <= excluded.changed_at""")
                .param("recipientId", contact.recipientId())
                .param("kind", contact.kind().name())
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
