package org.learningcities.agenda.programme;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.learningcities.agenda.conference.LocalAndUtc;

/** A released session as delegates see it. */
record ProgrammeSession(
        String id,
        String conferenceId,
        String type,
        @Schema(description = "UNESCO region of a regional forum") String region,
        @Schema(description = "Title per BCP 47 tag") Map<String, String> titles,
        String roomId,
        String roomName,
        LocalAndUtc start,
        LocalAndUtc end,
        List<String> floorLanguages,
        List<String> interpretationLanguages,
        List<String> speakers,
        Integer capacity,
        boolean enrolmentRequired,
        @Schema(description = "Cancelled sessions stay in the programme so delegates see the cancellation")
        boolean cancelled,
        String cancellationReason,
        @Schema(description = "The schedule version that last changed the session") int scheduleVersion,
        @Schema(description = "How often the released session changed, from 0 (iCalendar SEQUENCE)") int sequence) {
}
