package org.learningcities.contracts.agenda;

import java.time.Instant;
import java.util.List;

import org.learningcities.contracts.IntegrationEvent;

/**
 * A numbered schedule version was released. Carries the whole changelog, so a consumer can tell each
 * affected person about every change of the release in one message.
 */
public record ScheduleReleased(
        String conferenceId,
        int version,
        Instant releasedAt,
        List<Change> changes) implements IntegrationEvent {

    public ScheduleReleased {
        changes = List.copyOf(changes);
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
     * @param summary human-readable, e.g. "09:00–10:30 → 11:00–12:30 (Asia/Shanghai)"
     */
    public record Change(String sessionId, String kind, String summary) {
    }
}
