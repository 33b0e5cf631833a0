package org.learningcities.contracts;

import java.util.List;
import java.util.Optional;

import org.learningcities.contracts.agenda.ConferenceScheduled;
import org.learningcities.contracts.registration.DelegateContactChanged;
import org.learningcities.contracts.registration.DelegateRegistered;

/** Every event type the platform publishes, so producers, consumers and tests share one list. */
public final class EventCatalog {

    public static final EventType<ConferenceScheduled> CONFERENCE_SCHEDULED = new EventType<>(
            "org.learningcities.agenda.conference.scheduled.v1", Topics.AGENDA_CONFERENCES,
            ConferenceScheduled.class);

    public static final EventType<DelegateRegistered> DELEGATE_REGISTERED = new EventType<>(
            "org.learningcities.registration.delegate.registered.v1", Topics.REGISTRATION_DELEGATES,
            DelegateRegistered.class);

    public static final EventType<DelegateContactChanged> DELEGATE_CONTACT_CHANGED = new EventType<>(
            "org.learningcities.registration.delegate.contact-changed.v1", Topics.REGISTRATION_CONTACTS_INTERNAL,
            DelegateContactChanged.class);

    public static final List<EventType<?>> ALL = List.of(
            CONFERENCE_SCHEDULED, DELEGATE_REGISTERED, DELEGATE_CONTACT_CHANGED);

    private EventCatalog() {
    }

    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(candidate -> candidate.type().equals(type)).findFirst();
    }

    @SuppressWarnings("unchecked")
    public static <E extends IntegrationEvent> EventType<E> of(Class<E> payloadClass) {
        return (EventType<E>) ALL.stream()
                .filter(candidate -> candidate.payloadClass().equals(payloadClass))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + payloadClass.getName()));
    }
}
