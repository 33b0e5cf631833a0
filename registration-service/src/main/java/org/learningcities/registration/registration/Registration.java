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
        Instant registeredAt) {

    Registration {
        listeningLanguages = List.copyOf(listeningLanguages);
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
}
