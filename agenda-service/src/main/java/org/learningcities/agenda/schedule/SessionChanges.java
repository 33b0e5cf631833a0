package org.learningcities.agenda.schedule;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A draft change to a session: only the fields given change. Moving, relocating, retitling and
 * cancelling are all this one request, checked like a new session.
 */
record SessionChanges(
        @Schema(description = "New local start in the conference's time zone") LocalDateTime start,
        @Schema(description = "New local end in the conference's time zone") LocalDateTime end,
        @Schema(description = "Relocate to this room") String roomId,
        @Size(min = 1) Map<String, String> title,
        SessionType type,
        UnescoRegion region,
        List<String> floorLanguages,
        List<String> interpretationLanguages,
        @Min(1) Integer capacity,
        List<String> speakers,
        Boolean enrolmentRequired,
        @Schema(description = "true cancels the session, false takes a draft cancellation back") Boolean cancelled,
        @Size(max = 1000) String cancellationReason) {

    SessionRequest appliedTo(SessionRequest current) {
        SessionType newType = type == null ? current.type() : type;
        // A session that stops being a regional forum loses its region unless a new one is given.
        UnescoRegion newRegion = region != null ? region
                : newType == SessionType.REGIONAL_FORUM ? current.region() : null;
        return new SessionRequest(newType, newRegion, or(title, current.title()), or(roomId, current.roomId()),
                or(start, current.start()), or(end, current.end()), or(floorLanguages, current.floorLanguages()),
                or(interpretationLanguages, current.interpretationLanguages()), or(capacity, current.capacity()),
                or(speakers, current.speakers()), or(enrolmentRequired, current.enrolmentRequired()));
    }

    boolean cancels(boolean currentlyCancelled) {
        return cancelled == null ? currentlyCancelled : cancelled;
    }

    private static <T> T or(T given, T current) {
        return given == null ? current : given;
    }
}
