package org.learningcities.interpretation.receivers;

import java.util.function.Consumer;

import org.learningcities.contracts.EventCatalog;
import org.learningcities.messaging.EventHandlers;
import org.learningcities.messaging.Inbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Keeps delegates' status and listening languages in step with registration.delegates.v1 (binding
 * delegateEvents-in-0). Events about one delegate share a partition, so they arrive in the order they happened.
 */
@Configuration(proxyBeanMethods = false)
class DelegateEventsConfiguration {

    @Bean
    Consumer<Message<byte[]>> delegateEvents(Inbox inbox, ListeningLanguages listeningLanguages,
                                             DelegateStatuses statuses) {
        return inbox.consumer("interpretation-service.delegates", EventHandlers.builder()
                .on(EventCatalog.DELEGATE_REGISTERED, event -> {
                    var delegate = event.payload();
                    statuses.save(delegate.registrationId(), delegate.conferenceId(), delegate.status(),
                            delegate.registeredAt());
                    listeningLanguages.replace(delegate.registrationId(), delegate.conferenceId(),
                            delegate.listeningLanguages());
                })
                .on(EventCatalog.DELEGATE_APPROVED, event -> {
                    var delegate = event.payload();
                    statuses.save(delegate.registrationId(), delegate.conferenceId(), DelegateStatuses.APPROVED,
                            delegate.approvedAt());
                    listeningLanguages.replace(delegate.registrationId(), delegate.conferenceId(),
                            delegate.listeningLanguages());
                })
                .on(EventCatalog.DELEGATE_REJECTED, event -> statuses.save(event.payload().registrationId(),
                        event.payload().conferenceId(), DelegateStatuses.REJECTED, event.payload().rejectedAt()))
                .on(EventCatalog.DELEGATE_WITHDRAWN, event -> statuses.save(event.payload().registrationId(),
                        event.payload().conferenceId(), DelegateStatuses.WITHDRAWN, event.payload().withdrawnAt()))
                .on(EventCatalog.DELEGATE_PROFILE_CHANGED, event -> listeningLanguages.replace(
                        event.payload().registrationId(), event.payload().conferenceId(),
                        event.payload().listeningLanguages()))
                .build());
    }
}
