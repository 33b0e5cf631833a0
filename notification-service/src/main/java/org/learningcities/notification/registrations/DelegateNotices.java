package org.learningcities.notification.registrations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import org.learningcities.contracts.EventCatalog;
import org.learningcities.messaging.EventHandlers;
import org.learningcities.messaging.Inbox;
import org.learningcities.messaging.ReceivedEvent;
import org.learningcities.notification.delivery.NotificationRequest;
import org.learningcities.notification.delivery.Notifications;
import org.learningcities.notification.messages.MessageComposer.Facts;
import org.learningcities.notification.messages.MessageTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;

/**
 * What a delegate hears as their registration goes through its lifecycle: acknowledgement, approval (with the
 * badge), rejection with the reason, withdrawal, and a waiting-list place offered or lapsed. Each event also
 * updates this service's copy of the delegate's status, which decides who hears about programme changes.
 * Message and copy are written in the inbox's transaction: an event is handled fully or not at all, once.
 */
@Configuration(proxyBeanMethods = false)
class DelegateNotices {

    @Bean
    Consumer<Message<byte[]>> delegateEvents(Inbox inbox, Notifications notifications, JdbcClient jdbc) {
        DelegateStatuses statuses = new DelegateStatuses(jdbc);
        return inbox.consumer("notification-service.delegates", EventHandlers.builder()
                .on(EventCatalog.DELEGATE_REGISTERED, event -> {
                    var registered = event.payload();
                    statuses.save(registered.registrationId(), registered.conferenceId(), registered.status(),
                            event.time());
                    statuses.locate(registered.registrationId(), registered.countryCode());
                    notifications.queue(NotificationRequest.toDelegate(event.id(), registered.registrationId(),
                            registered.conferenceId(), MessageTemplate.REGISTRATION_RECEIVED,
                            Map.of(Facts.REGISTRATION_STATUS, registered.status())));
                })
                .on(EventCatalog.DELEGATE_APPROVED, event -> {
                    statuses.save(event.payload().registrationId(), event.payload().conferenceId(), "APPROVED",
                            event.time());
                    notify(notifications, event, event.payload().registrationId(), event.payload().conferenceId(),
                            MessageTemplate.REGISTRATION_APPROVED, Map.of());
                })
                .on(EventCatalog.DELEGATE_REJECTED, event -> {
                    var rejected = event.payload();
                    statuses.save(rejected.registrationId(), rejected.conferenceId(), "REJECTED", event.time());
                    notify(notifications, event, rejected.registrationId(), rejected.conferenceId(),
                            MessageTemplate.REGISTRATION_REJECTED,
                            rejected.reason() == null ? Map.of() : Map.of(Facts.REASON, rejected.reason()));
                })
                .on(EventCatalog.DELEGATE_WITHDRAWN, event -> {
                    statuses.save(event.payload().registrationId(), event.payload().conferenceId(), "WITHDRAWN",
                            event.time());
                    notify(notifications, event, event.payload().registrationId(), event.payload().conferenceId(),
                            MessageTemplate.REGISTRATION_WITHDRAWN, Map.of());
                })
                .on(EventCatalog.WAITLIST_OFFER_MADE, event -> notify(notifications, event,
                        event.payload().registrationId(), event.payload().conferenceId(),
                        MessageTemplate.WAITLIST_OFFER_MADE,
                        Map.of(Facts.EXPIRES_AT, event.payload().expiresAt().toString(),
                                Facts.OFFERED_AT, event.payload().offeredAt().toString())))
                .on(EventCatalog.WAITLIST_OFFER_EXPIRED, event -> notify(notifications, event,
                        event.payload().registrationId(), event.payload().conferenceId(),
                        MessageTemplate.WAITLIST_OFFER_EXPIRED, Map.of()))
                .build());
    }

    private static void notify(Notifications notifications, ReceivedEvent<?> event, String registrationId,
                               String conferenceId, MessageTemplate template, Map<String, String> facts) {
        notifications.queue(NotificationRequest.toDelegate(event.id(), registrationId, conferenceId, template, facts));
    }

    /**
     * The copy of each delegate's status (approved delegates hear about changes to sessions open to all) and
     * country (whose clock they read when it has only one).
     */
    private record DelegateStatuses(JdbcClient jdbc) {

        /** Latest wins by event time, so a replayed older event cannot undo a newer decision. */
        void save(String registrationId, String conferenceId, String status, Instant changedAt) {
            jdbc.sql("""
                    insert into delegate (registration_id, conference_id, status, changed_at)
                    values (:registrationId, :conferenceId, :status, coalesce(:changedAt, now()))
                    on conflict (registration_id) do update set status = excluded.status, changed_at = excluded.changed_at
                    where delegate.changed_at <= excluded.changed_at""")
                    .param("registrationId", registrationId)
                    .param("conferenceId", conferenceId)
                    .param("status", status)
                    .param("changedAt", changedAt == null ? null : Timestamp.from(changedAt))
                    .update();
        }

        void locate(String registrationId, String countryCode) {
            jdbc.sql("update delegate set country_code = ? where registration_id = ?")
                    .params(countryCode, registrationId)
                    .update();
        }
    }
}
