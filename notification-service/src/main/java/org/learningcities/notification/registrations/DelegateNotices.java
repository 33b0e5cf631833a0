package org.learningcities.notification.acknowledgements;

import java.util.function.Consumer;

import org.learningcities.contracts.EventCatalog;
import org.learningcities.messaging.EventHandlers;
import org.learningcities.messaging.Inbox;
import org.learningcities.notification.delivery.EmailRequest;
import org.learningcities.notification.delivery.Notifications;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Every new registration is acknowledged by e-mail. The e-mail is queued in the inbox's transaction, so
 * an event is either fully handled (inbox row and queued e-mail) or not at all, and a redelivery queues nothing.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationAcknowledgements {

    @Bean
    Consumer<Message<byte[]>> delegateEvents(Inbox inbox, Notifications notifications) {
        return inbox.consumer("notification-service.acknowledgements", EventHandlers.builder()
                .on(EventCatalog.DELEGATE_REGISTERED, event -> notifications.queueEmail(
                        EmailRequest.registrationReceived(event.id(), event.payload())))
                .build());
    }
}
