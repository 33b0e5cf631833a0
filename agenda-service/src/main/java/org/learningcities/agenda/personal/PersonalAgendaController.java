package org.learningcities.agenda.personal;

import java.time.ZoneId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learningcities.documents.SessionCalendar;
import org.learningcities.web.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/conferences/{conferenceId}/agendas")
@Tag(name = "Personal agendas",
        description = "What one delegate attends: sessions open to all plus their enrolments")
class PersonalAgendaController {

    private final PersonalAgendas agendas;
    private final SessionCalendar calendar;

    PersonalAgendaController(PersonalAgendas agendas, SessionCalendar calendar) {
        this.agendas = agendas;
        this.calendar = calendar;
    }

    @GetMapping("/{registrationId}")
    @Operation(summary = "A delegate's agenda",
            description = "Released sessions that need no enrolment (plenaries, ceremonies, breaks) and those the "
                    + "delegate enrolled in, waitlisted ones marked, in start order. Times read on the venue's clocks "
                    + "and in UTC, and also in the zone parameter's zone when it is given. Readable by the secretariat and "
                    + "by the delegate or focal point whose account is linked to the registration.")
    PersonalAgendaResponse agenda(@PathVariable String conferenceId, @PathVariable String registrationId,
                                  @Parameter(description = "IANA time zone of the reader, such as Europe/Paris")
                                  @RequestParam(name = "zone", required = false) String zone) {
        ZoneId recipientZone = zone == null ? null : ianaZone(zone);
        return PersonalAgendaResponse.of(agendas.of(conferenceId, registrationId), recipientZone);
    }

    @GetMapping("/{registrationId}.ics")
    @Operation(summary = "A delegate's agenda as an iCalendar feed",
            description = "One event per session, on the venue's clocks with its VTIMEZONE. A session keeps its UID "
                    + "across releases and its SEQUENCE grows, so subscribed calendars move it when it moves. Readable by "
                    + "the secretariat and by the delegate or focal point whose account is linked to the registration.")
    ResponseEntity<String> calendar(@PathVariable String conferenceId, @PathVariable String registrationId) {
        PersonalAgenda agenda = agendas.of(conferenceId, registrationId);
        var events = agenda.sessions().stream()
                .map(session -> new SessionCalendar.Event(session.sessionId(), session.sequence(), session.startsAt(),
                        session.endsAt(), session.title(agenda.listeningLanguages()), session.roomName(), null,
                        session.waitlisted() ? SessionCalendar.Status.TENTATIVE : SessionCalendar.Status.CONFIRMED))
                .toList();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(SessionCalendar.CONTENT_TYPE))
                .body(calendar.render(agenda.conferenceZone(), events));
    }

    /** Region ids only: a fixed offset would be wrong for half the year wherever clocks change. */
    private static ZoneId ianaZone(String zone) {
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw Problems.invalidField("zone", "must be an IANA time zone id such as Europe/Paris");
        }
        return ZoneId.of(zone);
    }
}
