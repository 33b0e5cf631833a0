package org.learningcities.agenda.personal;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.learningcities.agenda.conference.LocalAndUtc;

/** A delegate's agenda: every time on the venue's clocks, in UTC, and in the zone the delegate asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PersonalAgendaResponse(
        String conferenceId,
        String registrationId,
        @Schema(description = "IANA zone of the venue; start and end read on its clocks") String timeZone,
        @Schema(description = "IANA zone given in the zone parameter; startInZone and endInZone read on its clocks")
        String zone,
        List<Entry> sessions) {

    static PersonalAgendaResponse of(PersonalAgenda agenda, ZoneId recipientZone) {
        return new PersonalAgendaResponse(agenda.conferenceId(), agenda.registrationId(),
                agenda.conferenceZone().getId(), recipientZone == null ? null : recipientZone.getId(),
                agenda.sessions().stream()
                        .map(session -> Entry.of(session, agenda, recipientZone))
                        .toList());
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(
            String sessionId,
            String type,
            String region,
            @Schema(description = "In the first of the delegate's languages that has one, else English") String title,
            Map<String, String> titles,
            String roomId,
            String roomName,
            LocalAndUtc start,
            LocalAndUtc end,
            LocalAndUtc startInZone,
            LocalAndUtc endInZone,
            List<String> floorLanguages,
            List<String> interpretationLanguages,
            List<String> speakers,
            @Schema(description = "CONFIRMED or WAITLISTED; absent for sessions open to every delegate")
            String enrolment,
            Integer waitlistPosition) {

        static Entry of(AgendaSession session, PersonalAgenda agenda, ZoneId recipientZone) {
            ZoneId venue = agenda.conferenceZone();
            return new Entry(session.sessionId(), session.type(), session.region(),
                    session.title(agenda.listeningLanguages()), session.titles(), session.roomId(),
                    session.roomName(),
                    LocalAndUtc.of(session.startsAt(), venue), LocalAndUtc.of(session.endsAt(), venue),
                    recipientZone == null ? null : LocalAndUtc.of(session.startsAt(), recipientZone),
                    recipientZone == null ? null : LocalAndUtc.of(session.endsAt(), recipientZone),
                    session.floorLanguages(), session.interpretationLanguages(), session.speakers(),
                    session.enrolment(), session.waitlistPosition());
        }
    }
}
