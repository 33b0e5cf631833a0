package org.learningcities.agenda.access;

import java.util.function.Consumer;

import org.learningcities.contracts.EventCatalog;
import org.learningcities.messaging.EventHandlers;
import org.learningcities.messaging.Inbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Keeps the account links in step with registration.accounts.internal.v1 (binding registrationAccounts-in-0). */
@Configuration(proxyBeanMethods = false)
class RegistrationAccountEventsConfiguration {

    @Bean
    Consumer<Message<byte[]>> registrationAccounts(Inbox inbox, AccountLinks accounts) {
        return inbox.consumer("agenda-service.registration-accounts", EventHandlers.builder()
                .on(EventCatalog.REGISTRATION_ACCOUNTS_LINKED, event -> accounts.replace(event.payload()))
                .build());
    }
}
