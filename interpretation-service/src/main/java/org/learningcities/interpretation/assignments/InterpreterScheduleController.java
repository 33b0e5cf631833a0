package org.learningcities.interpretation.assignments;

import java.time.ZoneId;
import java.time.ZoneOffset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learningcities.documents.SessionCalendar;
import org.learningcities.web.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Only the schedule paths under /api/interpreters/{id}: the roster itself is served elsewhere. */
@RestController
@Tag(name = "Interpreter schedules", description = "The booths an interpreter works")
class InterpreterScheduleController {

    private final PlanViews views;
    private final SessionCalendar calendar = new SessionCalendar();

    InterpreterScheduleController(PlanViews views) {
        this.views = views;
    }

    @GetMapping("/api/interpreters/{interpreterId}/assignments")
    @Operation(summary = "An interpreter's schedule",
            description = "Their booths in time order, with times on the venue's clocks and in UTC, room, relay and "
                    + "team.")
    InterpreterSchedule schedule(@PathVariable String interpreterId) {
        return find(interpreterId);
    }

    @GetMapping("/api/interpreters/{interpreterId}/assignments.ics")
    @Operation(summary = "An interpreter's schedule as iCalendar",
            description = "One event per session with the same UID and SEQUENCE as agenda-service's calendars, so a "
                    + "calendar client moves an event when the session moves instead of adding a second one.")
    ResponseEntity<String> calendar(@PathVariable String interpreterId) {
        InterpreterSchedule schedule = find(interpreterId);
        // One calendar has one zone; an interpreter's booths are nearly always at one venue.
        ZoneId zone = schedule.assignments().isEmpty() ? ZoneOffset.UTC
                : ZoneId.of(schedule.assignments().getFirst().timeZone());
        String ics = calendar.render(zone, "Interpretation: " + schedule.name(), schedule.assignments().stream()
                .map(assignment -> new SessionCalendar.Event(assignment.sessionId(), assignment.sequence(),
                        assignment.startsAt().utc(), assignment.endsAt().utc(),
                        assignment.title() + " (" + assignment.boothLanguage() + " booth)",
                        assignment.room() == null ? null : assignment.room().name(),
                        assignment.relayLanguage() == null
                                ? "Interpreting into " + assignment.boothLanguage() + " from the floor."
                                : "Interpreting into " + assignment.boothLanguage() + " on relay from the "
                                        + assignment.relayLanguage() + " booth.",
                        SessionCalendar.Status.CONFIRMED))
                .toList());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(SessionCalendar.CONTENT_TYPE)).body(ics);
    }

    private InterpreterSchedule find(String interpreterId) {
        return views.schedule(interpreterId).orElseThrow(() -> Problems.notFound("Interpreter", interpreterId));
    }
}
