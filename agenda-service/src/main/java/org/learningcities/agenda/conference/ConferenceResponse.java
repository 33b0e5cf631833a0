package org.learningcities.agenda.conference;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

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
}
