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

    /**
     * Badge tokens of approved delegates, for notification-service to attach to the approval e-mail.
     * Key: registration id. Compacted: the latest badge per delegate. Internal: a token admits its bearer.
     */
    public static final String REGISTRATION_BADGES_INTERNAL = "registration.badges.internal.v1";

    /**
     * Which user accounts may act for a registration (the delegate's own, the delegation's focal point), so
     * the services that keep a delegate's agenda or notifications can enforce object-level access without
     * asking registration-service. Key: registration id. Compacted. Internal: account ids would let a partner
     * link one person's registrations across conferences.
     */
    public static final String REGISTRATION_ACCOUNTS_INTERNAL = "registration.accounts.internal.v1";

    /** Interpreters assigned to and released from session booths, and booth coverage. Key: session id. Public. */
    public static final String INTERPRETATION_ASSIGNMENTS = "interpretation.assignments.v1";

    /**
     * Interpreter contact details (name, e-mail, phone) for notification-service. Key: interpreter id.
     * Compacted. Internal: partners cannot read it.
     */
    public static final String INTERPRETATION_INTERPRETERS_INTERNAL = "interpretation.interpreters.internal.v1";

    /** Notifications given up on. Key: recipient id. Public. */
    public static final String NOTIFICATION_DELIVERIES = "notification.deliveries.v1";

    private Topics() {
    }
}
