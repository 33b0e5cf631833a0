package org.learningcities.agenda.schedule;

import java.util.List;

import org.learningcities.agenda.conference.ConferenceDays;
import org.learningcities.agenda.conference.LocalAndUtc;

/** A schedule version as organisers and partners read it. */
record ReleaseResponse(String conferenceId, int version, LocalAndUtc releasedAt, List<ChangeEntry> changes) {

    static ReleaseResponse of(ScheduleRelease release, ConferenceDays days) {
        return new ReleaseResponse(release.conferenceId(), release.version(), days.at(release.releasedAt()),
                release.changes());
    }
}
