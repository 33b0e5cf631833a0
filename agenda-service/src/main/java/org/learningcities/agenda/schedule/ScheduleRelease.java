package org.learningcities.agenda.schedule;

import java.time.Instant;
import java.util.List;

/** A numbered schedule version and what it changed. */
public record ScheduleRelease(String conferenceId, int version, Instant releasedAt, List<ChangeEntry> changes) {

    public ScheduleRelease {
        changes = List.copyOf(changes);
    }
}
