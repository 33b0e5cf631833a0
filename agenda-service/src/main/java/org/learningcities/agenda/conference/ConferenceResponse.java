package org.learningcities.agenda.conference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
        int capacity) {

    static ConferenceResponse of(Conference conference) {
        ZoneId zone = conference.timeZone();
        return new ConferenceResponse(conference.id(), conference.title(), conference.city(),
                conference.countryCode(), conference.venue(), zone.getId(), conference.startDate(),
                conference.endDate(), conference.languages(),
                LocalAndUtc.of(conference.registrationOpens(), zone),
                LocalAndUtc.of(conference.registrationCloses(), zone), conference.capacity());
    }

    @Schema(description = "A moment as read on the venue's clocks and as a UTC instant")
    record LocalAndUtc(
            @Schema(example = "2013-06-01T00:00:00") LocalDateTime local,
            @Schema(example = "2013-05-31T16:00:00Z") Instant utc) {

        static LocalAndUtc of(Instant instant, ZoneId zone) {
            return new LocalAndUtc(LocalDateTime.ofInstant(instant, zone), instant);
        }
    }
}
