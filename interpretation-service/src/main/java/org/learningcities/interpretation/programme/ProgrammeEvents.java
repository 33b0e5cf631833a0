package org.learningcities.interpretation.programme;

import java.util.function.Consumer;

import org.learningcities.contracts.EventCatalog;
import org.learningcities.messaging.EventHandlers;
import org.learningcities.messaging.Inbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * This service's copies of agenda-service's facts: conferences and released sessions from agenda.conferences.v1
 * (binding conferenceEvents-in-0), enrolments from agenda.enrolments.v1 (binding enrolmentEvents-in-0). Each
 * event's effect commits with its inbox row, so a redelivered event changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class ProgrammeEvents {

    @Bean
    Consumer<Message<byte[]>> conferenceEvents(Inbox inbox, ConferenceCopies conferences, SessionCopies sessions) {
        return inbox.consumer("interpretation-service.conferences", EventHandlers.builder()
                .on(EventCatalog.CONFERENCE_SCHEDULED, event -> conferences.save(event.payload(), event.time()))
                .on(EventCatalog.SCHEDULE_RELEASED, event -> sessions.release(event.payload()))
                .build());
    }

    @Bean
    Consumer<Message<byte[]>> enrolmentEvents(Inbox inbox, EnrolmentCopies enrolments) {
        return inbox.consumer("interpretation-service.enrolments", EventHandlers.builder()
                .on(EventCatalog.ENROLMENT_CONFIRMED, event -> enrolments.save(event.payload().sessionId(),
                        event.payload().registrationId(), EnrolmentCopies.CONFIRMED, event.payload().occurredAt()))
                .on(EventCatalog.ENROLMENT_PROMOTED, event -> enrolments.save(event.payload().sessionId(),
                        event.payload().registrationId(), EnrolmentCopies.CONFIRMED, event.payload().occurredAt()))
                .on(EventCatalog.ENROLMENT_WAITLISTED, event -> enrolments.save(event.payload().sessionId(),
                        event.payload().registrationId(), EnrolmentCopies.WAITLISTED, event.payload().occurredAt()))
                .on(EventCatalog.ENROLMENT_CANCELLED, event -> enrolments.save(event.payload().sessionId(),
                        event.payload().registrationId(), EnrolmentCopies.CANCELLED, event.payload().occurredAt()))
                .build());
    }
}
