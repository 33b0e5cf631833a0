package org.learningcities.agenda.schedule;

/** What a release changes about a session, compared with its previous release. */
enum ChangeKind {
    /** New in the programme, or a cancellation taken back. */
    SCHEDULED,
    RESCHEDULED,
    RELOCATED,
    RETITLED,
    /** Languages, capacity, speakers, type, region or enrolment changed. */
    UPDATED,
    CANCELLED
}
