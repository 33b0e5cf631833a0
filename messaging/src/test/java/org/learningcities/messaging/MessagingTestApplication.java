package org.learningcities.messaging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.learningcities.contracts.EventCatalog;
import org.learningcities.contracts.registration.DelegateRegistered;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

/** A minimal service: it consumes delegate events through the inbox and remembers what it handled. */
@SpringBootApplication
class MessagingTestApplication {

    @Bean
    List<ReceivedEvent<DelegateRegistered>> handledDelegateEvents() {
        return new CopyOnWriteArrayList<>();
    }

    @Bean
    Consumer<Message<byte[]>> delegateEvents(Inbox inbox, List<ReceivedEvent<DelegateRegistered>> handled) {
        return inbox.consumer("messaging-test.delegates", EventHandlers.builder()
                .on(EventCatalog.DELEGATE_REGISTERED, handled::add)
                .build());
    }
}
