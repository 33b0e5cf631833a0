package org.learningcities.interpretation.roster;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.learningcities.interpretation.language.LanguageTag;

/** An interpreter as the coordinator enters them: on creation, and in full on every correction (PUT). */
record InterpreterRequest(
        @Schema(example = "Jing") @NotBlank @Size(max = 100) String givenName,
        @Schema(example = "Chen") @NotBlank @Size(max = 100) String familyName,
        @Schema(example = "jing.chen@interpreters.example.org") @NotBlank @Email @Size(max = 254) String email,
        @Schema(description = "E.164, optional", example = "+8613800000101")
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +8610651266888")
        String phone,
        @Schema(description = "BCP 47 tag of the language the interpreter is written to in", example = "zh")
        @NotNull @LanguageTag String correspondenceLanguage,
        @Schema(description = "Working languages; at least one of class A, none listed twice")
        @NotEmpty @Size(max = 20) List<@NotNull @Valid WorkingLanguage> languages,
        @Schema(description = "Days the interpreter can work, as inclusive date ranges; none means not available yet")
        @Size(max = 50) List<@NotNull @Valid AvailabilityRange> availability,
        @Schema(description = "Agenda room id the interpreter prefers to work in, optional")
        @Size(max = 100) String homeRoomId,
        @Schema(description = "The interpreter's user account (the subject of their access token), optional. It lets "
                + "them read their own entry and schedule; one account belongs to one interpreter.",
                example = "interpreter")
        @Size(max = RosterValidation.ACCOUNT_ID_MAX_LENGTH)
        @Pattern(regexp = "\\S+", message = "must not be blank or contain spaces")
        String accountId) {
}
