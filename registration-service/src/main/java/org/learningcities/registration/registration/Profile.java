package org.learningcities.registration.registration;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The part of a registration a delegate may change, validated by the same rules as at registration. */
record Profile(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotBlank @Email @Size(max = 254) String email,
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +8610651266888")
        String phone,
        @Size(max = 200) String organisation,
        @Size(max = 200) String position,
        @Size(max = 100) String city,
        @NotNull @LanguageTag String correspondenceLanguage,
        @NotEmpty @Size(max = 10) List<@NotNull @LanguageTag String> listeningLanguages,
        @Size(max = 1000) String accessibilityNeeds,
        @Size(max = 1000) String dietaryNeeds) {

    static Profile of(Registration registration) {
        return new Profile(registration.givenName(), registration.familyName(), registration.email(),
                registration.phone(), registration.organisation(), registration.position(), registration.city(),
                registration.correspondenceLanguage(), registration.listeningLanguages(),
                registration.accessibilityNeeds(), registration.dietaryNeeds());
    }

    Registration appliedTo(Registration registration) {
        return new Registration(registration.id(), registration.conferenceId(), registration.status(),
                givenName.strip(), familyName.strip(), email.strip(), phone, organisation, position,
                registration.category(), registration.countryCode(), registration.region(), city,
                correspondenceLanguage, listeningLanguages, accessibilityNeeds, dietaryNeeds,
                registration.delegationId(), registration.registeredAt(), registration.decision(),
                registration.offer(), registration.visaLetterRequested());
    }
}
