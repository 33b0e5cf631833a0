package org.learningcities.contracts.agenda;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.learningcities.contracts.IntegrationEvent;

/**
 * A conference edition was created or its core facts changed. Registration-service keeps a copy to
 * enforce the registration window and capacity.
 *
 * @param timeZone  IANA zone id of the venue, e.g. {@code Asia/Shanghai}
 * @param languages official languages as BCP 47 tags
 * @param accountRequired whether registering needs a signed-in delegate, focal point or secretariat account;
 *                        when false anonymous visitors may register too
 */
public record ConferenceScheduled(
        String conferenceId,
        String title,
        String city,
        String countryCode,
        String venue,
        String timeZone,
        LocalDate startDate,
        LocalDate endDate,
        List<String> languages,
        Instant registrationOpens,
        Instant registrationCloses,
        int capacity,
        boolean accountRequired) implements IntegrationEvent {

    public ConferenceScheduled {
        languages = List.copyOf(languages);
    }

    @Override
    public String subject() {
        return conferenceId;
    }
}
