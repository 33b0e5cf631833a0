package org.learningcities.agenda.enrolment;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Who holds a seat in a session and who waits for one, in the order they will be promoted. */
record SessionEnrolments(
        String sessionId,
        @Schema(description = "Seats; absent when the session has no limit") Integer capacity,
        List<Enrolment> confirmed,
        List<Enrolment> waitingList) {
}
