package org.learningcities.registration.visa;

import java.time.LocalDate;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import org.learningcities.registration.country.CountryCode;

/**
 * The passport data a visa letter needs. Personal data of the most sensitive kind: stored only
 * encrypted, and {@link #toString()} hides it so no log line or exception message can carry it.
 *
 * @param nationality    ISO 3166-1 alpha-2 code of the issuing country
 * @param passportExpiry must also fall after the conference's last day, checked when the conference is known
 */
public record VisaLetterRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9]{5,20}", message = "must be 5 to 20 letters or digits")
        String passportNumber,
        @NotNull @CountryCode String nationality,
        @NotNull @Past LocalDate dateOfBirth,
        @NotNull @Future LocalDate passportExpiry) {

    @Override
    public String toString() {
        return "VisaLetterRequest[redacted]";
    }
}
