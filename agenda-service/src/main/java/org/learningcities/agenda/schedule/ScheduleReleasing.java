package org.learningcities.agenda.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.learningcities.agenda.conference.ConferenceCalendars;
import org.learningcities.agenda.conference.ConferenceDays;
import org.learningcities.agenda.room.Room;
import org.learningcities.agenda.room.Rooms;
import org.learningcities.agenda.schedule.ReleasedSessions.ReleasedSession;
import org.learningcities.contracts.IntegrationEvent;
import org.learningcities.contracts.agenda.ScheduleReleased;
import org.learningcities.messaging.Outbox;
import org.learningcities.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the pending draft changes of a conference into the next schedule version: the release row,
 * the released programme and the events announcing it commit together or not at all.
 */
@Service
public class ScheduleReleasing {

    private final ConferenceCalendars conferences;
    private final SessionDrafts drafts;
    private final ReleasedSessions released;
    private final ScheduleReleases releases;
    private final Rooms rooms;
    private final Outbox outbox;
    private final Clock clock;

    ScheduleReleasing(ConferenceCalendars conferences, SessionDrafts drafts, ReleasedSessions released,
                      ScheduleReleases releases, Rooms rooms, Outbox outbox, ObjectProvider<Clock> clock) {
        this.conferences = conferences;
        this.drafts = drafts;
        this.released = released;
        this.releases = releases;
        this.rooms = rooms;
        this.outbox = outbox;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Transactional
    public ScheduleRelease release(String conferenceId) {
        ConferenceDays days = conferences.lockForScheduling(conferenceId);
        int version = releases.nextVersion(conferenceId);
        Map<String, ReleasedSession> releasedById = released.allOf(conferenceId);
        List<ChangeEntry> changelog = new ArrayList<>();
        List<IntegrationEvent> sessionEvents = new ArrayList<>();
        List<ScheduleReleased.SessionState> sessionStates = new ArrayList<>();
        // Booths per room id, looked up once per room: interpretation-service plans one booth per language.
        Map<String, Integer> booths = new HashMap<>();
        for (Session draft : drafts.allOf(conferenceId)) {
            ReleasedSession before = releasedById.get(draft.id());
            SessionComparison comparison = new SessionComparison(before, draft, days.zone());
            List<ChangeEntry> changes = comparison.changes();
            if (changes.isEmpty()) {
                continue;
            }
            changelog.addAll(changes);
            sessionEvents.addAll(comparison.events(version));
            int sequence = before == null ? 0 : before.sequence() + 1;
            String roomId = comparison.stateRoomId();
            Integer roomBooths = roomId == null ? null : booths.computeIfAbsent(roomId,
                    id -> rooms.find(conferenceId, id).map(Room::booths).orElse(null));
            sessionStates.add(comparison.state(sequence, roomBooths));
            released.save(new ReleasedSession(draft, version, sequence));
        }
        if (changelog.isEmpty()) {
            throw Problems.conflict("Nothing to release",
                    "The draft programme equals the released one (schedule version " + (version - 1) + ").",
                    Map.of("currentVersion", version - 1));
        }
        // The database keeps microseconds; the response must show the instant that was stored.
        Instant releasedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ScheduleRelease release = new ScheduleRelease(conferenceId, version, releasedAt, changelog);
        releases.insert(release);
        sessionEvents.forEach(outbox::publish);
        outbox.publish(new ScheduleReleased(conferenceId, version, releasedAt, changelog.stream()
                .map(change -> new ScheduleReleased.Change(change.sessionId(), change.kind().name(), change.summary()))
                .toList(), sessionStates));
        return release;
    }

    @Transactional(readOnly = true)
    List<ScheduleRelease> releases(String conferenceId) {
        conferences.require(conferenceId);
        return releases.allOf(conferenceId);
    }

    ConferenceDays conference(String conferenceId) {
        return conferences.require(conferenceId);
    }
}
