package org.learningcities.registration.delegation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.learningcities.registration.ServerOwnedFields;
import org.learningcities.registration.country.CountryCode;

/** @param name as the delegation is addressed, e.g. "Delegation of Mexico" */
@ServerOwnedFields({"id", "delegationId", "conferenceId", "region", "createdAt", "accountId", "accountIds"})
record DelegationRequest(
        @NotNull @CountryCode String countryCode,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Valid FocalPoint focalPoint) {
}
