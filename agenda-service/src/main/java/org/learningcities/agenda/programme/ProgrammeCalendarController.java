package org.learningcities.agenda.programme;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learningcities.documents.SessionCalendar;
import org.learningcities.agenda.conference.ConferenceCalendars;
import org.learningcities.agenda.conference.ConferenceHeading;
import org.learningcities.agenda.conference.LanguageTags;
import org.learningcities.agenda.schedule.SessionType;
import org.learningcities.web.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@Tag(name = "Programme", description = "The released programme delegates see")
class ProgrammeCalendarController {

    /** As the JSON programme: a release reaches subscribed calendars within a minute. */
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

    private final ConferenceCalendars conferences;
    private final Programme programme;
    private final SessionCalendar calendar;

    ProgrammeCalendarController(ConferenceCalendars conferences, Programme programme, SessionCalendar calendar) {
        this.conferences = conferences;
        this.programme = programme;
        this.calendar = calendar;
    }

    @GetMapping("/api/conferences/{conferenceId}/agenda.ics")
    @Operation(summary = "The released programme as an iCalendar feed",
            description = "One event per released session, on the venue's clocks with its VTIMEZONE. A session keeps "
                    + "its UID across releases and its SEQUENCE grows, so subscribed calendars move it when it moves; "
                    + "a cancelled session stays as STATUS:CANCELLED so they remove it. Drafts never show. Summaries "
                    + "read in lang, else the conference's first official language, else English. Filters and "
                    + "caching as the JSON programme: the strong ETag changes with each release.")
    ResponseEntity<String> calendar(
            @PathVariable String conferenceId,
            @Parameter(description = "BCP 47 tag of the summaries' language; default the conference's first")
            @RequestParam(required = false) String lang,
            @Parameter(description = "Sessions starting on this local date of the venue")
            @RequestParam(required = false) LocalDate date,
            @RequestParam(required = false) SessionType type,
            @Parameter(description = "BCP 47 tag spoken on the floor or interpreted into")
            @RequestParam(required = false) String language,
            WebRequest request) {
        String readingLanguage = lang == null ? null : tag("lang", lang);
        ProgrammeFilter filter = new ProgrammeFilter(date, type, language == null ? null : tag("language", language));
        ConferenceHeading conference = conferences.requireHeading(conferenceId);
        String reading = readingLanguage != null ? readingLanguage
                : conference.languages().isEmpty() ? "en" : conference.languages().getFirst();
        String etag = filter.etag(programme.version(conferenceId), "ics|" + reading);
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CACHE).build();
        }
        List<SessionCalendar.Event> events = programme.sessions(conference.days(), filter).stream()
                .map(session -> event(session, reading))
                .toList();
        return ResponseEntity.ok().eTag(etag).cacheControl(CACHE).contentType(MediaType.parseMediaType(SessionCalendar.CONTENT_TYPE))
                .body(calendar.render(conference.days().zone(), conference.title(), events));
    }

    private static SessionCalendar.Event event(ProgrammeSession session, String reading) {
        return new SessionCalendar.Event(session.id(), session.sequence(), session.start().utc(), session.end().utc(),
                title(session, reading), session.roomName(),
                description(session),
                session.cancelled() ? SessionCalendar.Status.CANCELLED : SessionCalendar.Status.CONFIRMED);
    }

    /** The title in the reading language (a zh title serves zh-CN without its own), else English, else any. */
    private static String title(ProgrammeSession session, String reading) {
        return Stream.of(reading, Locale.forLanguageTag(reading).getLanguage(), "en")
                .filter(session.titles()::containsKey)
                .findFirst()
                .or(() -> session.titles().keySet().stream().sorted().findFirst())
                .map(session.titles()::get)
                .orElse(session.id());
    }

    private static String description(ProgrammeSession session) {
        List<String> lines = new ArrayList<>();
        if (session.cancelled()) {
            lines.add(session.cancellationReason() == null ? "Cancelled"
                    : "Cancelled: " + session.cancellationReason());
        }
        lines.add("Floor: " + languages(session.floorLanguages()));
        lines.add("Interpretation: " + languages(session.interpretationLanguages()));
        return String.join("\n", lines);
    }

    private static String languages(List<String> tags) {
        return tags.isEmpty() ? "none" : tags.stream()
                .map(tag -> Locale.forLanguageTag(tag).getDisplayName(Locale.ENGLISH) + " (" + tag + ")")
                .collect(Collectors.joining(", "));
    }

    private static String tag(String field, String given) {
        return LanguageTags.canonical(given).orElseThrow(() -> Problems.invalidField(field,
                "must be a BCP 47 language tag such as en, zh or pt-BR"));
    }
}
