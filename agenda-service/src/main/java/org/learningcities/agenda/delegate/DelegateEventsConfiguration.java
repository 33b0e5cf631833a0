package org.learningcities.agenda.delegate;

import java.util.function.Consumer;

import org.learningcities.contracts.EventCatalog;
import org.learningcities.messaging.EventHandlers;
import org.learningcities.messaging.Inbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Keeps the delegate replica in step with registration.delegates.v1 (binding delegateEvents-in-0). */
@Configuration(proxyBeanMethods = false)
class DelegateEventsConfiguration {

    @Bean
    Consumer<Message<byte[]>> delegateEvents(Inbox inbox, DelegateReplica replica) {
        return inbox.consumer("agenda-service.delegates", EventHandlers.builder()
                .on(EventCatalog.DELEGATE_REGISTERED, event -> replica.registered(event.payload()))
                .on(EventCatalog.DELEGATE_APPROVED, event -> replica.approved(event.payload()))
                .build());
    }
}
