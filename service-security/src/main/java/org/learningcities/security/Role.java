package org.learningcities.security;

/**
 * The platform's roles, as they appear in the {@code roles} claim of an access token. A role grants functions
 * (approve, plan interpreters); which objects a caller may touch is decided separately, by account ownership.
 */
public enum Role {
    /** A registered participant: their own registration, agenda, notifications and preferences. */
    DELEGATE,
    /** Head of a Member State delegation: registers and manages the delegation's members. */
    FOCAL_POINT,
    /** Conference secretariat: approves registrations, builds the agenda, checks delegates in. */
    SECRETARIAT,
    /** The part of the secretariat that issues visa letters: the only staff who see passport data. */
    VISA_DESK,
    /** Keeps the interpreter roster and sees coverage per session and booth. */
    INTERPRETATION_COORDINATOR,
    /** An interpreter: their own assignments and notifications. */
    INTERPRETER,
    /** Operations staff: coverage, receivers, delivery logs; no personal records. */
    OPERATIONS,
    /** A partner system (client credentials): public events and its own webhook subscriptions. */
    PARTNER;

    /** The Spring Security authority this role becomes. */
    public String authority() {
        return "ROLE_" + name();
    }
}
