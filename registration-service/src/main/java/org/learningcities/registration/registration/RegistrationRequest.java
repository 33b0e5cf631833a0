package org.learningcities.registration.registration;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.learningcities.registration.ServerOwnedFields;
import org.learningcities.registration.country.CountryCode;
import org.learningcities.registration.visa.VisaLetterRequest;

/** What a delegate, or a focal point on their behalf, submits to register. */
@ServerOwnedFields({"id", "registrationId", "conferenceId", "status", "region", "registeredAt", "createdAt",
        "decidedAt", "decidedBy", "decision", "rejectionReason", "offerExpiresAt", "approvedAt", "approvedBy",
        "visaLetterRequested", "badgeToken", "badgeSerial", "accountId", "accountIds"})
public record RegistrationRequest(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotBlank @Email @Size(max = 254) String email,
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +8610651266888")
        String phone,
        @Size(max = 200) String organisation,
        @Size(max = 200) String position,
        @NotNull Category category,
        @NotNull @CountryCode String countryCode,
        @Size(max = 100) String city,
        @NotNull @LanguageTag String correspondenceLanguage,
        @NotEmpty @Size(max = 10) List<@NotNull @LanguageTag String> listeningLanguages,
        @Size(max = 1000) String accessibilityNeeds,
        @Size(max = 1000) String dietaryNeeds,
        @Size(max = 100) String delegationId,
        @Valid VisaLetterRequest visaLetter) {

    /** What a focal point sends for a member: in their delegation, a Member State delegate unless told otherwise. */
    public RegistrationRequest asMemberOf(String delegationId) {
        return new RegistrationRequest(givenName, familyName, email, phone, organisation, position,
                category == null ? Category.MEMBER_STATE_DELEGATE : category, countryCode, city,
                correspondenceLanguage, listeningLanguages, accessibilityNeeds, dietaryNeeds, delegationId, visaLetter);
    }
}
