package org.learningcities.agenda.enrolment;

import java.time.Instant;

/** What enrolment needs to know of a released session. */
record SessionForEnrolment(
        String sessionId,
        String conferenceId,
        Instant startsAt,
        Instant endsAt,
        Integer capacity,
        boolean enrolmentRequired,
        boolean cancelled) {

    /** Seats left for the given number of confirmed delegates; a session without capacity never fills. */
    int freeSeats(int confirmed) {
        return capacity == null ? Integer.MAX_VALUE : Math.max(0, capacity - confirmed);
    }
}
