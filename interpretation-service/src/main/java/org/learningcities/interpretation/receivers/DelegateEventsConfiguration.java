package org.learningcities.interpretation.receivers;

import java.util.function.Consumer;

import org.learningcities.contracts.EventCatalog;
import org.learningcities.messaging.EventHandlers;
import org.learningcities.messaging.Inbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Keeps the listening languages in step with registration.delegates.v1 (binding delegateEvents-in-0). */
@Configuration(proxyBeanMethods = false)
class DelegateEventsConfiguration {

    @Bean
    Consumer<Message<byte[]>> delegateEvents(Inbox inbox, ListeningLanguages listeningLanguages) {
        return inbox.consumer("interpretation-service.delegates", EventHandlers.builder()
                .on(EventCatalog.DELEGATE_REGISTERED, event -> listeningLanguages.registered(event.payload()))
                .build());
    }
}
