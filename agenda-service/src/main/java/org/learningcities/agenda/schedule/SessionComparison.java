package org.learningcities.agenda.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.learningcities.agenda.schedule.ReleasedSessions.ReleasedSession;
import org.learningcities.contracts.IntegrationEvent;
import org.learningcities.contracts.agenda.ScheduleReleased;
import org.learningcities.contracts.agenda.SessionCancelled;
import org.learningcities.contracts.agenda.SessionRelocated;
import org.learningcities.contracts.agenda.SessionRescheduled;
import org.learningcities.contracts.agenda.SessionScheduled;

/**
 * A draft compared with its last released state. Only the two states count, never the edits in
 * between: a session moved three times between releases is one RESCHEDULED change, from where
 * delegates last saw it to where it is now, and a session moved and moved back is no change at all.
 */
final class SessionComparison {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ReleasedSession released;
    private final Session draft;
    private final ZoneId zone;

    /** @param released null when the session was never released */
    SessionComparison(ReleasedSession released, Session draft, ZoneId zone) {
        this.released = released;
        this.draft = draft;
        this.zone = zone;
    }

    List<ChangeEntry> changes() {
        boolean visible = released != null && !released.session().cancelled();
        if (!visible) {
            // A draft cancelled before delegates ever saw it needs no notice.
            return draft.cancelled() ? List.of() : List.of(scheduled());
        }
        Session before = released.session();
        if (draft.cancelled()) {
            return List.of(entry(ChangeKind.CANCELLED, "cancelled" + (draft.cancellationReason() == null ? ""
                    : ": " + draft.cancellationReason()), slot(before), null));
        }
        List<ChangeEntry> changes = new ArrayList<>();
        if (!before.startsAt().equals(draft.startsAt()) || !before.endsAt().equals(draft.endsAt())) {
            changes.add(entry(ChangeKind.RESCHEDULED, period(before) + " → " + period(draft) + " (" + zone.getId() + ")",
                    times(before), times(draft)));
        }
        if (!Objects.equals(before.roomId(), draft.roomId())) {
            changes.add(entry(ChangeKind.RELOCATED, roomName(before) + " → " + roomName(draft), room(before), room(draft)));
        }
        if (!before.titles().equals(draft.titles())) {
            changes.add(entry(ChangeKind.RETITLED, "retitled, formerly " + before.displayTitle(),
                    Map.of("titles", before.titles()), Map.of("titles", draft.titles())));
        }
        Map<String, Object> updatedFrom = new LinkedHashMap<>();
        Map<String, Object> updatedTo = new LinkedHashMap<>();
        compare("type", before.type(), draft.type(), updatedFrom, updatedTo);
        compare("region", before.region(), draft.region(), updatedFrom, updatedTo);
        compare("floorLanguages", before.floorLanguages(), draft.floorLanguages(), updatedFrom, updatedTo);
        compare("interpretationLanguages", before.interpretationLanguages(), draft.interpretationLanguages(),
                updatedFrom, updatedTo);
        compare("speakers", before.speakers(), draft.speakers(), updatedFrom, updatedTo);
        compare("capacity", before.capacity(), draft.capacity(), updatedFrom, updatedTo);
        compare("enrolmentRequired", before.enrolmentRequired(), draft.enrolmentRequired(), updatedFrom, updatedTo);
        if (!updatedTo.isEmpty()) {
            changes.add(entry(ChangeKind.UPDATED, "changed " + String.join(", ", updatedTo.keySet()),
                    updatedFrom, updatedTo));
        }
        return changes;
    }

    /**
     * The per-session events for these changes. Retitling and other updates have no event of their
     * own: the ScheduleReleased changelog reports them.
     */
    List<IntegrationEvent> events(int version) {
        List<IntegrationEvent> events = new ArrayList<>();
        for (ChangeEntry change : changes()) {
            switch (change.kind()) {
                case SCHEDULED -> events.add(new SessionScheduled(draft.id(), draft.conferenceId(), version,
                        draft.type().name(), draft.region() == null ? null : draft.region().name(), draft.titles(),
                        draft.roomId(), draft.roomName(), draft.startsAt(), draft.endsAt(), draft.floorLanguages(),
                        draft.interpretationLanguages(), draft.speakers(), draft.capacity(),
                        draft.enrolmentRequired()));
                case RESCHEDULED -> events.add(new SessionRescheduled(draft.id(), draft.conferenceId(), version,
                        released.session().startsAt(), released.session().endsAt(), draft.startsAt(), draft.endsAt()));
                case RELOCATED -> events.add(new SessionRelocated(draft.id(), draft.conferenceId(), version,
                        released.session().roomId(), released.session().roomName(), draft.roomId(), draft.roomName()));
                case CANCELLED -> events.add(new SessionCancelled(draft.id(), draft.conferenceId(), version,
                        draft.cancellationReason()));
                case RETITLED, UPDATED -> {
                }
            }
        }
        return events;
    }

    /**
     * The session as the release leaves it, with where and when delegates last saw it: no previous values
     * for a session never released. A cancelled session keeps its last released time and room, whatever
     * the draft says.
     *
     * @param roomBooths the interpretation booths of the room the state names, the {@link #stateRoomId()};
     *                   null without a room
     */
    ScheduleReleased.SessionState state(int sequence, Integer roomBooths) {
        Session before = released == null ? null : released.session();
        Session slot = slot();
        return new ScheduleReleased.SessionState(draft.id(), sequence, draft.titles(), slot.startsAt(), slot.endsAt(),
                slot.roomId(), slot.roomName(), slot.roomId() == null ? null : roomBooths, draft.floorLanguages(),
                draft.interpretationLanguages(), draft.enrolmentRequired(), draft.cancelled(),
                draft.cancelled() ? draft.cancellationReason() : null,
                before == null ? null : before.startsAt(), before == null ? null : before.endsAt(),
                before == null ? null : before.roomName());
    }

    /** The room the released state names: the last released one for a cancelled session. Null without a room. */
    String stateRoomId() {
        return slot().roomId();
    }

    private Session slot() {
        Session before = released == null ? null : released.session();
        return draft.cancelled() && before != null ? before : draft;
    }

    private ChangeEntry scheduled() {
        return entry(ChangeKind.SCHEDULED, period(draft) + (draft.roomName() == null ? "" : ", " + draft.roomName())
                + " (" + zone.getId() + ")", null, slot(draft));
    }

    private ChangeEntry entry(ChangeKind kind, String summary, Map<String, Object> from, Map<String, Object> to) {
        return new ChangeEntry(draft.id(), kind, draft.displayTitle() + ": " + summary, from, to);
    }

    private Map<String, Object> slot(Session session) {
        Map<String, Object> slot = times(session);
        slot.putAll(room(session));
        return slot;
    }

    private Map<String, Object> times(Session session) {
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("start", LOCAL.format(local(session.startsAt())));
        times.put("end", LOCAL.format(local(session.endsAt())));
        return times;
    }

    private static Map<String, Object> room(Session session) {
        // LinkedHashMap, not Map.of: a study visit has no room, and the changelog says so with nulls.
        Map<String, Object> room = new LinkedHashMap<>();
        room.put("roomId", session.roomId());
        room.put("roomName", session.roomName());
        return room;
    }

    private static String roomName(Session session) {
        return session.roomName() == null ? "no room" : session.roomName();
    }

    /** "2013-10-21 09:00–10:30", or both dates when it runs past midnight. */
    private String period(Session session) {
        LocalDateTime start = local(session.startsAt());
        LocalDateTime end = local(session.endsAt());
        return DAY_AND_TIME.format(start) + "–"
                + (start.toLocalDate().equals(end.toLocalDate()) ? TIME.format(end) : DAY_AND_TIME.format(end));
    }

    private LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    private static void compare(String field, Object before, Object after, Map<String, Object> from,
                                Map<String, Object> to) {
        if (!Objects.equals(before, after)) {
            from.put(field, before);
            to.put(field, after);
        }
    }
}
