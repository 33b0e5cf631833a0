package org.learningcities.registration.delegation;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The head of a delegation, who registers and manages its members.
 *
 * @param accountId the focal point's account (access token subject): the caller's own when a focal point forms the
 *                  delegation, named by the secretariat when it forms one; the only account besides the secretariat
 *                  that reaches the delegation and its members
 */
record FocalPoint(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotBlank @Email @Size(max = 254) String email,
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +525536011000")
        String phone,
        @Size(max = 200) String position,
        @Size(max = 255) String accountId) {

    FocalPoint withAccount(String account) {
        return new FocalPoint(givenName, familyName, email, phone, position, account);
    }
}
