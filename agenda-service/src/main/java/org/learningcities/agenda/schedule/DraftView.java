package org.learningcities.agenda.schedule;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.learningcities.agenda.conference.ConferenceDays;
import org.learningcities.agenda.conference.LocalAndUtc;
import org.learningcities.agenda.schedule.ReleasedSessions.ReleasedSession;

/** A draft session as organisers see it, with what the next release would announce about it. */
public record DraftView(
        String id,
        String conferenceId,
        SessionType type,
        UnescoRegion region,
        Map<String, String> titles,
        String roomId,
        String roomName,
        LocalAndUtc start,
        LocalAndUtc end,
        List<String> floorLanguages,
        List<String> interpretationLanguages,
        List<String> speakers,
        Integer capacity,
        boolean enrolmentRequired,
        boolean cancelled,
        String cancellationReason,
        @Schema(description = "Schedule version that last released the session; null if never released")
        Integer releasedVersion,
        @Schema(description = "What the next release will announce; empty when the draft equals the released session")
        List<ChangeEntry> pendingChanges) {

    static DraftView of(Session draft, ReleasedSession released, ConferenceDays days) {
        return new DraftView(draft.id(), draft.conferenceId(), draft.type(), draft.region(), draft.titles(),
                draft.roomId(), draft.roomName(), days.at(draft.startsAt()), days.at(draft.endsAt()),
                draft.floorLanguages(), draft.interpretationLanguages(), draft.speakers(), draft.capacity(),
                draft.enrolmentRequired(), draft.cancelled(), draft.cancellationReason(),
                released == null ? null : released.scheduleVersion(),
                new SessionComparison(released, draft, days.zone()).changes());
    }
}
