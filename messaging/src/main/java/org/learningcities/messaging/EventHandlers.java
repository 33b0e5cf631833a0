package org.learningcities.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.learningcities.contracts.EventType;
import org.learningcities.contracts.IntegrationEvent;

/** Which handler runs for which event type of a topic. Types without a handler are ignored. */
public final class EventHandlers {

    private final Map<String, Handler<?>> byType;

    private EventHandlers(Map<String, Handler<?>> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder() {
        return new Builder();
    }

    Optional<Handler<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    record Handler<E extends IntegrationEvent>(EventType<E> type, Consumer<ReceivedEvent<E>> action) {

        void handle(String id, String subject, java.time.Instant time, Object payload) {
            action.accept(new ReceivedEvent<>(id, type.type(), subject, time, type.payloadClass().cast(payload)));
        }
    }

    public static final class Builder {

        private final Map<String, Handler<?>> byType = new LinkedHashMap<>();

        public <E extends IntegrationEvent> Builder on(EventType<E> type, Consumer<ReceivedEvent<E>> action) {
            byType.put(type.type(), new Handler<>(type, action));
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(byType);
        }
    }
}
