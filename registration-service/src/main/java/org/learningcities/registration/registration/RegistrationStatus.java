package org.learningcities.registration.registration;

public enum RegistrationStatus {
    /** Holds a place; awaits the secretariat's approval. */
    PENDING,
    /** The conference was full; offered a place when one frees up. */
    WAITLISTED,
    APPROVED,
    REJECTED,
    WITHDRAWN
}
