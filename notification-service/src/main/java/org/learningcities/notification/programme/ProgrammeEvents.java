package org.learningcities.notification.programme;

import java.util.function.Consumer;

import org.learningcities.contracts.EventCatalog;
import org.learningcities.messaging.EventHandlers;
import org.learningcities.messaging.Inbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The conference topic: conference editions and schedule releases, in the order agenda-service wrote them. */
@Configuration(proxyBeanMethods = false)
class ProgrammeEvents {

    @Bean
    Consumer<Message<byte[]>> conferenceEvents(Inbox inbox, ConferenceReplica conferences, ScheduleDigests digests) {
        return inbox.consumer("notification-service.conferences", EventHandlers.builder()
                .on(EventCatalog.CONFERENCE_SCHEDULED, event -> conferences.save(event.payload(), event.time()))
                .on(EventCatalog.SCHEDULE_RELEASED, event -> digests.release(event.id(), event.payload()))
                .build());
    }
}
