package org.learningcities.notification.recipients;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.learningcities.contracts.EventCatalog;
import org.learningcities.messaging.EventHandlers;
import org.learningcities.messaging.Inbox;
import org.learningcities.notification.delivery.DispatcherWakeUp;
import org.learningcities.notification.delivery.RecipientKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;

/**
 * Who can be written to and how: delegates' contact details from registration-service's internal contact topic,
 * interpreters' from interpretation-service's, and the badge token the approval e-mail attaches. Messages for a
 * recipient not yet known wait for them; storing the details wakes the dispatchers. Also which accounts may act
 * for a recipient ({@link RecipientAccounts}).
 */
@Configuration(proxyBeanMethods = false)
class RecipientReplica {

    @Bean
    Consumer<Message<byte[]>> contactEvents(Inbox inbox, JdbcClient jdbc, DispatcherWakeUp dispatcherWakeUp) {
        return inbox.consumer("notification-service.contacts", EventHandlers.builder()
                .on(EventCatalog.DELEGATE_CONTACT_CHANGED, event -> {
                    var contact = event.payload();
                    save(jdbc, new Contact(contact.registrationId(), RecipientKind.DELEGATE, contact.conferenceId(),
                            contact.givenName(), contact.familyName(), contact.email(), contact.phone(),
                            contact.correspondenceLanguage()), event.time());
                    dispatcherWakeUp.afterCommit();
                })
                .build());
    }

    @Bean
    Consumer<Message<byte[]>> interpreterContactEvents(Inbox inbox, JdbcClient jdbc, RecipientAccounts accounts,
                                                       DispatcherWakeUp dispatcherWakeUp) {
        return inbox.consumer("notification-service.interpreter-contacts", EventHandlers.builder()
                .on(EventCatalog.INTERPRETER_CONTACT_CHANGED, event -> {
                    var contact = event.payload();
                    boolean newest = save(jdbc, new Contact(contact.interpreterId(), RecipientKind.INTERPRETER, null,
                            contact.givenName(), contact.familyName(), contact.email(), contact.phone(),
                            contact.correspondenceLanguage()), event.time());
                    dispatcherWakeUp.afterCommit();
                    // The interpreter's recipient id is their interpreter id; a roster entry without an account
                    // (or one whose account was unlinked) leaves nobody but staff to read their messages.
                    if (newest) {
                        accounts.replace(contact.interpreterId(), contact.accountId() == null
                                ? List.of() : List.of(contact.accountId()));
                    }
                })
                .build());
    }

    @Bean
    Consumer<Message<byte[]>> registrationAccountEvents(Inbox inbox, RecipientAccounts accounts) {
        return inbox.consumer("notification-service.registration-accounts", EventHandlers.builder()
                .on(EventCatalog.REGISTRATION_ACCOUNTS_LINKED, event -> accounts.replace(
                        event.payload().registrationId(), event.payload().accountIds()))
                .build());
    }

    @Bean
    Consumer<Message<byte[]>> badgeEvents(Inbox inbox, JdbcClient jdbc, DispatcherWakeUp dispatcherWakeUp) {
        return inbox.consumer("notification-service.badges", EventHandlers.builder()
                .on(EventCatalog.BADGE_ISSUED, event -> {
                    jdbc.sql("""
                                    insert into badge (registration_id, serial, token, issued_at)
                                    values (?, ?, ?, ?)
                                    on conflict (registration_id) do update set
                                        serial = excluded.serial, token = excluded.token, issued_at = excluded.issued_at
                                    where badge.serial < excluded.serial""")
                            .params(event.payload().registrationId(), event.payload().serial(), event.payload().token(),
                                    Timestamp.from(event.payload().issuedAt()))
                            .update();
                    // The approval e-mail waits for the badge it attaches.
                    dispatcherWakeUp.afterCommit();
                })
                .build());
    }

    private record Contact(String recipientId, RecipientKind kind, String conferenceId, String givenName,
                           String familyName, String email, String phone, String correspondenceLanguage) {
    }

    /**
     * Latest wins by event time, so a replayed older contact cannot overwrite a newer address.
     *
     * @return whether the contact was the newest so far and was stored
     */
    private static boolean save(JdbcClient jdbc, Contact contact, Instant changedAt) {
        return jdbc.sql("""
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
                .update() == 1;
    }
}
