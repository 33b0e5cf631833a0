package org.learningcities.registration.registration;

import java.time.Instant;
import java.util.List;

import org.learningcities.contracts.registration.DelegateContactChanged;
import org.learningcities.contracts.registration.DelegateRegistered;
import org.learningcities.registration.country.UnescoRegion;

/** A delegate's registration for one conference. */
record Registration(
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
        Instant registeredAt,
        Decision decision,
        Offer offer,
        boolean visaLetterRequested) {

    Registration {
        listeningLanguages = List.copyOf(listeningLanguages);
    }

    /** A registration that no one has decided on and that holds no offer. */
    static Registration received(String id, String conferenceId, RegistrationStatus status, RegistrationRequest request,
                                 UnescoRegion region, Instant registeredAt) {
        return new Registration(id, conferenceId, status, request.givenName().strip(), request.familyName().strip(),
                request.email().strip(), request.phone(), request.organisation(), request.position(),
                request.category(), request.countryCode(), region, request.city(), request.correspondenceLanguage(),
                request.listeningLanguages(), request.accessibilityNeeds(), request.dietaryNeeds(),
                request.delegationId(), registeredAt, null, null,
                request.visaLetter() != null);
    }

    /** This registration, joining the waiting list instead of holding a place. */
    Registration waitlisted() {
        return new Registration(id, conferenceId, RegistrationStatus.WAITLISTED, givenName, familyName, email, phone,
                organisation, position, category, countryCode, region, city, correspondenceLanguage,
                listeningLanguages, accessibilityNeeds, dietaryNeeds, delegationId, registeredAt, decision, offer,
                visaLetterRequested);
    }

    /** Whether this registration counts against the conference's capacity, an open offer included. */
    boolean holdsPlace() {
        return switch (status) {
            case PENDING, APPROVED -> true;
            case WAITLISTED -> offer != null && offer.isOpen();
            case REJECTED, WITHDRAWN -> false;
        };
    }

    /** The public event: no name, e-mail, phone or needs. */
    DelegateRegistered registered() {
        return new DelegateRegistered(id, conferenceId, category.name(), countryCode, region.name(),
                correspondenceLanguage, listeningLanguages, delegationId, status.name(), registeredAt);
    }

    /** The internal event notification-service needs to write to the delegate. */
    DelegateContactChanged contact() {
        return new DelegateContactChanged(id, conferenceId, givenName, familyName, email, phone,
                correspondenceLanguage);
    }

    /**
     * The secretariat's (or the delegate's own) last decision.
     *
     * @param decidedBy the account (access token subject) that decided; null for decisions made before
     *                  decisions were authenticated
     * @param reason    why a registration was rejected; null otherwise
     */
    record Decision(Instant decidedAt, String decidedBy, String reason) {
    }

    /**
     * A freed place offered to a waitlisted delegate.
     *
     * @param lapsedAt when the offer lapsed untaken; null while it is open
     */
    record Offer(Instant expiresAt, Instant lapsedAt) {

        boolean isOpen() {
            return lapsedAt == null;
        }
    }
}
