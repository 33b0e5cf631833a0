package org.learningcities.contracts;

/**
 * Kafka topic names. Versioned and stable: a breaking change to an event means a new topic
 * ({@code .v2}), never a renamed class. Public topics are described in {@code asyncapi.yaml};
 * internal ones carry personal contact data and are never granted to partners.
 */
public final class Topics {

    /** Conference editions scheduled or changed, and schedule releases. Key: conference id. Public. */
    public static final String AGENDA_CONFERENCES = "agenda.conferences.v1";

    /** Released sessions: scheduled, rescheduled, relocated, cancelled. Key: session id. Public. */
    public static final String AGENDA_SESSIONS = "agenda.sessions.v1";

    /** Seats and waiting lists of sessions that require enrolment. Key: session id. Public. */
    public static final String AGENDA_ENROLMENTS = "agenda.enrolments.v1";

    /** Delegate lifecycle (no contact data) from registration-service. Key: registration id. Public. */
    public static final String REGISTRATION_DELEGATES = "registration.delegates.v1";

    /**
     * Delegate contact details (name, e-mail, phone) for notification-service. Key: registration id.
     * Compacted, so the latest contact record per delegate is kept. Internal: partners cannot read it.
     */
    public static final String REGISTRATION_CONTACTS_INTERNAL = "registration.contacts.internal.v1";

    private Topics() {
    }
}
