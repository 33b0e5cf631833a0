package org.learningcities.contracts.agenda;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.learningcities.contracts.IntegrationEvent;

/**
 * A numbered schedule version was released. Carries the whole changelog and the state of every changed
 * session, so a consumer can tell each affected person about every change of the release in one message,
 * in their own language, without waiting for the per-session events on another topic.
 *
 * @param sessions each changed session as it stands after this release, once per session
 */
public record ScheduleReleased(
        String conferenceId,
        int version,
        Instant releasedAt,
        List<Change> changes,
        List<SessionState> sessions) implements IntegrationEvent {

    public ScheduleReleased {
        changes = List.copyOf(changes);
        sessions = List.copyOf(sessions);
    }

    @Override
    public String subject() {
        return conferenceId;
    }

    /**
     * One change to one session.
     *
     * @param kind    SCHEDULED, RESCHEDULED, RELOCATED, RETITLED, UPDATED (languages, capacity, speakers,
     *                type, region or enrolment) or CANCELLED
     * @param summary human-readable, in English, e.g. "09:00–10:30 → 11:00–12:30 (Asia/Shanghai)"
     */
    public record Change(String sessionId, String kind, String summary) {
    }

    /**
     * A changed session after the release, and where and when it was before it.
     *
     * @param sequence          how many earlier releases changed it: the iCalendar SEQUENCE of its event, so a
     *                          calendar client replaces its copy from agenda-service's feed or from an attachment
     * @param titles            title per BCP 47 language tag
     * @param roomId            null for a session without a room (a study visit), like its name and booths
     * @param roomBooths        interpretation booths of the room: how many languages it can be interpreted into
     * @param floorLanguages    BCP 47 tags of the languages spoken from the floor
     * @param interpretationLanguages BCP 47 tags of the languages it is interpreted into: one booth each
     * @param enrolmentRequired whether only enrolled delegates attend; otherwise it is on every delegate's agenda
     * @param previousStartsAt  null when the session is new in this release, like the other previous values
     */
    public record SessionState(
            String sessionId,
            int sequence,
            Map<String, String> titles,
            Instant startsAt,
            Instant endsAt,
            String roomId,
            String roomName,
            Integer roomBooths,
            List<String> floorLanguages,
            List<String> interpretationLanguages,
            boolean enrolmentRequired,
            boolean cancelled,
            String cancellationReason,
            Instant previousStartsAt,
            Instant previousEndsAt,
            String previousRoomName) {

        public SessionState {
            titles = Map.copyOf(titles);
            floorLanguages = List.copyOf(floorLanguages);
            interpretationLanguages = List.copyOf(interpretationLanguages);
        }
    }
}
