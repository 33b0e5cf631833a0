package org.learningcities.registration.registration;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.learningcities.registration.conference.KnownConferences.Conference;
import org.learningcities.registration.country.UnescoRegion;

/** A registration as the API shows it; times in the conference's zone and in UTC. */
record RegistrationView(
        String id,
        String conferenceId,
        RegistrationStatus status,
        String givenName,
        String familyName,
        String email,
        String phone,
        String organisation,
        String position,
        Category category,
        String countryCode,
        UnescoRegion region,
        String city,
        String correspondenceLanguage,
        List<String> listeningLanguages,
        String accessibilityNeeds,
        String dietaryNeeds,
        String delegationId,
        Moment registeredAt) {

    static RegistrationView of(Registration registration, Conference conference) {
        return new RegistrationView(registration.id(), registration.conferenceId(), registration.status(),
                registration.givenName(), registration.familyName(), registration.email(), registration.phone(),
                registration.organisation(), registration.position(), registration.category(),
                registration.countryCode(), registration.region(), registration.city(),
                registration.correspondenceLanguage(), registration.listeningLanguages(),
                registration.accessibilityNeeds(), registration.dietaryNeeds(), registration.delegationId(),
                Moment.of(registration.registeredAt(), ZoneId.of(conference.timeZone())));
    }

    /** An instant shown as the conference's local time and as UTC. */
    record Moment(LocalDateTime local, Instant utc) {
        static Moment of(Instant instant, ZoneId zone) {
            return new Moment(instant.atZone(zone).toLocalDateTime(), instant);
        }
    }
}
