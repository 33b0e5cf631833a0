package org.learningcities.notification.programme;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.learningcities.contracts.agenda.ScheduleReleased;
import org.learningcities.notification.delivery.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each schedule release becomes one message per person it concerns, listing all their changes, never one
 * message per edit: agenda-service collects edits into releases, and a release arrives as one event with its
 * whole changelog and the state of every changed session. The sessions' copies are updated from it too, so
 * later messages about a session show its current title, time and room.
 */
@Component
class ScheduleDigests {

    private static final Logger log = LoggerFactory.getLogger(ScheduleDigests.class);

    /** Changes that make a session happen elsewhere, at another time or not at all: what a delegate must not miss. */
    private static final Set<String> DISRUPTIVE = Set.of("CANCELLED", "RESCHEDULED", "RELOCATED");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Notifications notifications;
    private final Duration shortNotice;
    private final Clock clock;

    ScheduleDigests(JdbcClient jdbc, JsonMapper json, Notifications notifications,
                    @Value("${notification.short-notice:24h}") Duration shortNotice) {
        this.jdbc = jdbc;
        this.json = json;
        this.notifications = notifications;
        this.shortNotice = shortNotice;
        this.clock = Clock.systemUTC();
    }

    void release(String eventId, ScheduleReleased release) {
        release.sessions().forEach(session -> saveSession(release, session));
        jdbc.sql("""
                insert into schedule_release (conference_id, version, released_at, changes, sessions)
                values (?, ?, ?, cast(? as jsonb), cast(? as jsonb))
                on conflict (conference_id, version) do nothing""")
                .params(release.conferenceId(), release.version(), Timestamp.from(release.releasedAt()),
                        json.writeValueAsString(release.changes()), json.writeValueAsString(release.sessions()))
                .update();
        int queued = notifications.queueScheduleDigests(eventId, release, atShortNotice(release));
        log.info("Schedule version {} of {}: {} changes, {} notifications queued", release.version(),
                release.conferenceId(), release.changes().size(), queued);
    }

    /**
     * Sessions moved, relocated or cancelled that were or are due to start within the short-notice window
     * (24 hours unless configured): their digests are critical, so they go even on channels switched off.
     */
    private List<String> atShortNotice(ScheduleReleased release) {
        Instant now = clock.instant();
        Instant horizon = now.plus(shortNotice);
        Set<String> disrupted = release.changes().stream()
                .filter(change -> DISRUPTIVE.contains(change.kind()))
                .map(ScheduleReleased.Change::sessionId)
                .collect(Collectors.toSet());
        return release.sessions().stream()
                .filter(session -> disrupted.contains(session.sessionId()))
                .filter(session -> within(session.startsAt(), now, horizon)
                        || within(session.previousStartsAt(), now, horizon))
                .map(ScheduleReleased.SessionState::sessionId)
                .toList();
    }

    private static boolean within(Instant instant, Instant from, Instant to) {
        return instant != null && !instant.isBefore(from) && instant.isBefore(to);
    }

    /** A later release's copy wins, so a replayed older release cannot bring back an old time or room. */
    private void saveSession(ScheduleReleased release, ScheduleReleased.SessionState session) {
        jdbc.sql("""
                insert into session (session_id, conference_id, schedule_version, sequence, titles, starts_at, ends_at,
                                     room_name, enrolment_required, cancelled)
                values (:sessionId, :conferenceId, :version, :sequence, cast(:titles as jsonb), :startsAt, :endsAt,
                        :roomName, :enrolmentRequired, :cancelled)
                on conflict (session_id) do update set
                    schedule_version = excluded.schedule_version, sequence = excluded.sequence, titles = excluded.titles,
                    starts_at = excluded.starts_at, ends_at = excluded.ends_at, room_name = excluded.room_name,
                    enrolment_required = excluded.enrolment_required, cancelled = excluded.cancelled
                where session.schedule_version <= excluded.schedule_version""")
                .param("sessionId", session.sessionId())
                .param("conferenceId", release.conferenceId())
                .param("version", release.version())
                .param("sequence", session.sequence())
                .param("titles", json.writeValueAsString(session.titles()))
                .param("startsAt", Timestamp.from(session.startsAt()))
                .param("endsAt", Timestamp.from(session.endsAt()))
                .param("roomName", session.roomName())
                .param("enrolmentRequired", session.enrolmentRequired())
                .param("cancelled", session.cancelled())
                .update();
    }
}
