package org.learningcities.agenda.programme;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learningcities.agenda.conference.ConferenceCalendars;
import org.learningcities.agenda.conference.ConferenceDays;
import org.learningcities.agenda.conference.LanguageTags;
import org.learningcities.agenda.schedule.SessionType;
import org.learningcities.web.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@RequestMapping("/api/conferences/{conferenceId}/sessions")
@Tag(name = "Programme", description = "The released programme delegates see")
class ProgrammeController {

    /** Short enough that a release reaches delegates within a minute, long enough to absorb the opening-day rush. */
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

    private final ConferenceCalendars conferences;
    private final Programme programme;

    ProgrammeController(ConferenceCalendars conferences, Programme programme) {
        this.conferences = conferences;
        this.programme = programme;
    }

    @GetMapping
    @Operation(summary = "The released programme, by start time",
            description = "Only released sessions: drafts appear after the next schedule release. Cancelled "
                    + "sessions stay listed with cancelled: true, so delegates see the cancellation instead of a "
                    + "silently missing session. The strong ETag changes with each release; send it back in "
                    + "If-None-Match for a 304.")
    ResponseEntity<List<ProgrammeSession>> programme(
            @PathVariable String conferenceId,
            @Parameter(description = "Sessions starting on this local date of the venue")
            @RequestParam(required = false) LocalDate date,
            @RequestParam(required = false) SessionType type,
            @Parameter(description = "BCP 47 tag spoken on the floor or interpreted into")
            @RequestParam(required = false) String language,
            WebRequest request) {
        ConferenceDays days = conferences.require(conferenceId);
        ProgrammeFilter filter = new ProgrammeFilter(date, type, language == null ? null
                : LanguageTags.canonical(language).orElseThrow(() -> Problems.invalidField("language",
                        "must be a BCP 47 language tag such as en, zh or pt-BR")));
        String etag = filter.etag(programme.version(conferenceId));
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHE).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(CACHE).body(programme.sessions(days, filter));
    }

    @GetMapping("/{sessionId}")
    @Operation(summary = "One released session",
            description = "404 for a session that was never released, even if a draft exists.")
    ResponseEntity<ProgrammeSession> session(@PathVariable String conferenceId, @PathVariable String sessionId,
                                             WebRequest request) {
        ConferenceDays days = conferences.require(conferenceId);
        ProgrammeSession session = programme.session(days, sessionId)
                .orElseThrow(() -> Problems.notFound("Session", sessionId));
        // Each released change of a session raises its sequence, so id and sequence identify the representation.
        String etag = "\"" + session.id() + "-" + session.sequence() + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHE).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(CACHE).body(session);
    }
}
