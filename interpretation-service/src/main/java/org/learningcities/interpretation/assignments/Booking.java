package org.learningcities.interpretation.assignments;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A booking request as decided at once: CONFIRMED (its booths are planned) or UNFULFILLABLE with the reasons. */
record Booking(
        String requestId,
        String conferenceId,
        String sessionId,
        List<String> languages,
        @Schema(allowableValues = {"CONFIRMED", "UNFULFILLABLE"}) String status,
        @Schema(description = "Empty when confirmed") List<Reason> reasons,
        Instant requestedAt) {

    Booking {
        languages = List.copyOf(languages);
        reasons = List.copyOf(reasons);
    }

    /**
     * @param code     NOT_ENOUGH_BOOTHS, SESSION_CANCELLED or NO_INTERPRETER
     * @param language the language concerned, or null when the reason concerns the whole request
     * @param message  in English, for the organiser
     */
    record Reason(@Schema(allowableValues = {"NOT_ENOUGH_BOOTHS", "SESSION_CANCELLED", "NO_INTERPRETER"}) String code,
                  String language, String message) {
    }
}
