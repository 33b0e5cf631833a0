package org.learningcities.agenda.conference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.learningcities.contracts.agenda.ConferenceScheduled;

/**
 * A conference edition. Registration opens and closes at instants; the venue's time zone says how
 * they read on local clocks. {@code accountRequired} says whether registering needs a signed-in account.
 */
public record Conference(
        String id,
        String title,
        String city,
        String countryCode,
        String venue,
        ZoneId timeZone,
        LocalDate startDate,
        LocalDate endDate,
        List<String> languages,
        Instant registrationOpens,
        Instant registrationCloses,
        int capacity,
        boolean accountRequired) {

    public Conference {
        languages = List.copyOf(languages);
    }

    ConferenceScheduled scheduled() {
        return new ConferenceScheduled(id, title, city, countryCode, venue, timeZone.getId(), startDate, endDate,
                languages, registrationOpens, registrationCloses, capacity, accountRequired);
    }
}
