package org.learningcities.agenda.schedule;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learningcities.agenda.conference.ConferenceDays;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/conferences/{conferenceId}/schedule/releases")
@Tag(name = "Schedule releases", description = "Numbered versions of the programme, each with its changelog")
class ReleaseController {

    private final ScheduleReleasing releasing;

    ReleaseController(ScheduleReleasing releasing) {
        this.releasing = releasing;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Release all pending draft changes as the next schedule version",
            description = "Compares every draft with its last released state: one changelog entry per kind of "
                    + "change (SCHEDULED, RESCHEDULED, RELOCATED, RETITLED, UPDATED, CANCELLED), however many "
                    + "edits led there. Publishes SessionScheduled, SessionRescheduled, SessionRelocated and "
                    + "SessionCancelled on agenda.sessions.v1 and one ScheduleReleased on agenda.conferences.v1. "
                    + "409 when nothing is pending.")
    ReleaseResponse release(@PathVariable String conferenceId) {
        ScheduleRelease release = releasing.release(conferenceId);
        return ReleaseResponse.of(release, releasing.conference(conferenceId));
    }

    @GetMapping
    @Operation(summary = "The conference's schedule releases, oldest first")
    List<ReleaseResponse> releases(@PathVariable String conferenceId) {
        ConferenceDays days = releasing.conference(conferenceId);
        return releasing.releases(conferenceId).stream().map(release -> ReleaseResponse.of(release, days)).toList();
    }
}
