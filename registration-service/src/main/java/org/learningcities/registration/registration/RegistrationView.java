package org.learningcities.registration.registration;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.learningcities.registration.conference.KnownConferences.Conference;
import org.learningcities.registration.country.UnescoRegion;

/**
 * A registration as the API shows it; times in the conference's zone and in UTC.
 *
 * @param offerExpiresAt while WAITLISTED: until when the offered place may be accepted (in the past once
 *                       the offer lapsed); null when no place was offered
 * @param visaLetterRequested only whether one was requested: the passport data is for the visa desk alone
 */
public record RegistrationView(
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
        Moment registeredAt,
        Moment decidedAt,
        String rejectionReason,
        Moment offerExpiresAt,
        boolean visaLetterRequested) {

    static RegistrationView of(Registration registration, Conference conference) {
        ZoneId zone = ZoneId.of(conference.timeZone());
        Registration.Decision decision = registration.decision();
        Registration.Offer offer = registration.offer();
        return new RegistrationView(registration.id(), registration.conferenceId(), registration.status(),
                registration.givenName(), registration.familyName(), registration.email(), registration.phone(),
                registration.organisation(), registration.position(), registration.category(),
                registration.countryCode(), registration.region(), registration.city(),
                registration.correspondenceLanguage(), registration.listeningLanguages(),
                registration.accessibilityNeeds(), registration.dietaryNeeds(), registration.delegationId(),
                Moment.of(registration.registeredAt(), zone),
                decision == null ? null : Moment.of(decision.decidedAt(), zone),
                decision == null ? null : decision.reason(),
                offer == null ? null : Moment.of(offer.expiresAt(), zone),
                registration.visaLetterRequested());
    }

    /** An instant shown as the conference's local time and as UTC. */
    public record Moment(LocalDateTime local, Instant utc) {
        static Moment of(Instant instant, ZoneId zone) {
            return new Moment(instant.atZone(zone).toLocalDateTime(), instant);
        }
    }
}
