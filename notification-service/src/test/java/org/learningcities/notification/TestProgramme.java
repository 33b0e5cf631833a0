package org.learningcities.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.learningcities.contracts.agenda.ScheduleReleased;
import org.learningcities.contracts.agenda.ScheduleReleased.Change;
import org.learningcities.contracts.agenda.ScheduleReleased.SessionState;

/** Schedule releases of a test conference, as agenda-service publishes them. */
public final class TestProgramme {

    private static final List<String> FLOOR = List.of("en", "zh");
    private static final List<String> INTERPRETED = List.of("en", "zh", "fr", "es");

    private TestProgramme() {
    }

    private static String roomId(String roomName) {
        return roomName == null ? null : "room-" + roomName.toLowerCase().replace(' ', '-');
    }

    public static ScheduleReleased release(String conferenceId, int version, List<Change> changes,
                                           List<SessionState> sessions) {
        return new ScheduleReleased(conferenceId, version, Instant.now(), changes, sessions);
    }

    /** A session released for the first time. */
    public static SessionState scheduled(String sessionId, String title, Instant startsAt, Instant endsAt,
                                         String room, boolean enrolmentRequired) {
        return new SessionState(sessionId, 0, Map.of("en", title), startsAt, endsAt, roomId(room), room,
                room == null ? null : 4, FLOOR, INTERPRETED, enrolmentRequired, false, null, null, null, null);
    }

    /** The session moved in time and room since {@code before}. */
    public static SessionState moved(SessionState before, Instant startsAt, Instant endsAt, String room) {
        return new SessionState(before.sessionId(), before.sequence() + 1, before.titles(), startsAt, endsAt,
                roomId(room), room, before.roomBooths(), before.floorLanguages(), before.interpretationLanguages(),
                before.enrolmentRequired(), false, null, before.startsAt(), before.endsAt(), before.roomName());
    }

    public static SessionState cancelled(SessionState before, String reason) {
        return new SessionState(before.sessionId(), before.sequence() + 1, before.titles(), before.startsAt(),
                before.endsAt(), before.roomId(), before.roomName(), before.roomBooths(), before.floorLanguages(),
                before.interpretationLanguages(), before.enrolmentRequired(), true, reason, before.startsAt(),
                before.endsAt(), before.roomName());
    }

    public static Change change(SessionState session, String kind) {
        return new Change(session.sessionId(), kind, kind.toLowerCase() + " (summary as agenda-service writes it)");
    }
}
