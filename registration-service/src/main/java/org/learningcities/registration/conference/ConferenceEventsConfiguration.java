package org.learningcities.registration.conference;

import java.util.function.Consumer;

import org.learningcities.contracts.EventCatalog;
import org.learningcities.messaging.EventHandlers;
import org.learningcities.messaging.Inbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

@Configuration(proxyBeanMethods = false)
class ConferenceEventsConfiguration {

    @Bean
    Consumer<Message<byte[]>> conferenceEvents(Inbox inbox, KnownConferences conferences) {
        return inbox.consumer("registration-service.conferences", EventHandlers.builder()
                .on(EventCatalog.CONFERENCE_SCHEDULED, event -> conferences.record(event.payload()))
                .build());
    }
}
