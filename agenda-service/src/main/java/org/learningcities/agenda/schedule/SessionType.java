package org.learningcities.agenda.schedule;

/** The kinds of session of an International Conference on Learning Cities. */
public enum SessionType {
    OPENING_CEREMONY,
    CLOSING_CEREMONY,
    PLENARY,
    REGIONAL_FORUM,
    MAYORS_FORUM,
    DRAFTING_COMMITTEE,
    MARKETPLACE,
    STUDY_VISIT,
    BREAK,
    RECEPTION;

    /** Parallel forums and visits have limited seats, so delegates enrol unless the organisers say otherwise. */
    boolean requiresEnrolmentByDefault() {
        return this == REGIONAL_FORUM || this == STUDY_VISIT;
    }

    /** A study visit leaves the venue, so it may have no room. */
    boolean takesPlaceInARoom() {
        return this != STUDY_VISIT;
    }
}
