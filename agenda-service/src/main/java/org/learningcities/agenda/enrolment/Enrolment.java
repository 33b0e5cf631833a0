package org.learningcities.agenda.enrolment;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/** A delegate's seat in a session, or their place on its waiting list. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Enrolment(
        String sessionId,
        String registrationId,
        EnrolmentStatus status,
        @Schema(description = "Place on the waiting list, 1 first; absent for a confirmed seat") Integer position,
        Instant enrolledAt) {

    boolean waitlisted() {
        return status == EnrolmentStatus.WAITLISTED;
    }
}
