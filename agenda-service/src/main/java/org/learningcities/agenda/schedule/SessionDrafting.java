package org.learningcities.agenda.schedule;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.learningcities.agenda.conference.ConferenceCalendars;
import org.learningcities.agenda.conference.ConferenceDays;
import org.learningcities.agenda.room.Rooms;
import org.learningcities.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts and changes sessions. Nothing here is published: delegates see changes only when a
 * release copies them into the released programme.
 */
@Service
public class SessionDrafting {

    private final ConferenceCalendars conferences;
    private final Rooms rooms;
    private final SessionDrafts drafts;
    private final ReleasedSessions released;

    SessionDrafting(ConferenceCalendars conferences, Rooms rooms, SessionDrafts drafts, ReleasedSessions released) {
        this.conferences = conferences;
        this.rooms = rooms;
        this.drafts = drafts;
        this.released = released;
    }

    @Transactional
    public DraftView draft(String conferenceId, SessionRequest request) {
        ConferenceDays days = conferences.lockForScheduling(conferenceId);
        String id = "session-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Session session = request.toSession(id, days, rooms, false, null);
        refuseConflicts(session, days);
        drafts.insert(session);
        return DraftView.of(session, null, days);
    }

    @Transactional
    DraftView change(String conferenceId, String sessionId, SessionChanges changes) {
        ConferenceDays days = conferences.lockForScheduling(conferenceId);
        Session current = drafts.find(conferenceId, sessionId)
                .orElseThrow(() -> Problems.notFound("Session", sessionId));
        boolean cancelled = changes.cancels(current.cancelled());
        String reason = changes.cancellationReason() != null ? changes.cancellationReason()
                : current.cancellationReason();
        Session changed = changes.appliedTo(SessionRequest.of(current, days))
                .toSession(sessionId, days, rooms, cancelled, reason);
        refuseConflicts(changed, days);
        drafts.update(changed);
        return DraftView.of(changed, released.find(sessionId).orElse(null), days);
    }

    @Transactional(readOnly = true)
    List<DraftView> drafts(String conferenceId) {
        ConferenceDays days = conferences.require(conferenceId);
        Map<String, ReleasedSessions.ReleasedSession> releasedById = released.allOf(conferenceId);
        return drafts.allOf(conferenceId).stream()
                .map(draft -> DraftView.of(draft, releasedById.get(draft.id()), days))
                .toList();
    }

    /** A cancelled session holds no room and no speaker. */
    private void refuseConflicts(Session session, ConferenceDays days) {
        if (session.cancelled()) {
            return;
        }
        if (session.roomId() != null) {
            drafts.sharingTheRoom(session).ifPresent(other -> {
                throw conflict("Room double-booked", session.roomName() + " is already booked for "
                        + other.displayTitle() + " at an overlapping time", other, "roomId", days);
            });
        }
        drafts.sharingASpeaker(session).ifPresent(other -> {
            String speaker = other.speakers().stream()
                    .filter(name -> session.speakers().stream().anyMatch(name::equalsIgnoreCase))
                    .findFirst().orElseThrow();
            throw conflict("Speaker double-booked", speaker + " already speaks at " + other.displayTitle()
                    + " at an overlapping time", other, "speakers", days);
        });
    }

    private static RuntimeException conflict(String title, String detail, Session other, String field,
                                             ConferenceDays days) {
        return Problems.conflict(title, detail + " (" + days.at(other.startsAt()).local() + " to "
                        + days.at(other.endsAt()).local() + ", " + days.zone().getId() + ").",
                Map.of("conflictingSessionId", other.id(),
                        "errors", List.of(Map.of("field", field, "message", "conflicts with session " + other.id()))));
    }
}
