package org.learningcities.interpretation.assignments;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.learningcities.interpretation.language.LanguageTag;

/** An organiser asks for interpretation of a session into some languages. */
record BookingRequest(
        @Schema(example = "s-plenary-1") @NotBlank String sessionId,
        @Schema(description = "BCP 47 tags of the languages to interpret into", example = "[\"ar\", \"ru\"]")
        @NotEmpty @Size(max = 20) List<@NotNull @LanguageTag String> languages) {

    /** Canonical case (zh-Hant-TW, not ZH-hant-tw), each once, so bookings and the programme compare alike. */
    List<String> canonicalLanguages() {
        return languages.stream().map(tag -> Locale.forLanguageTag(tag).toLanguageTag()).distinct().toList();
    }
}
