package org.learningcities.agenda.conference;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A conference as clients see it: every moment both on the venue's clocks and in UTC. */
record ConferenceResponse(
        String id,
        String title,
        String city,
        String countryCode,
        String venue,
        String timeZone,
        LocalDate startDate,
        LocalDate endDate,
        List<String> languages,
        LocalAndUtc registrationOpens,
        LocalAndUtc registrationCloses,
        int capacity,
        @Schema(description = "Whether registering needs a signed-in delegate, focal point or secretariat account")
        boolean accountRequired) {

    static ConferenceResponse of(Conference conference) {
        ZoneId zone = conference.timeZone();
        return new ConferenceResponse(conference.id(), conference.title(), conference.city(),
                conference.countryCode(), conference.venue(), zone.getId(), conference.startDate(),
                conference.endDate(), conference.languages(),
                LocalAndUtc.of(conference.registrationOpens(), zone),
                LocalAndUtc.of(conference.registrationCloses(), zone), conference.capacity(),
                conference.accountRequired());
    }
}
