package org.learningcities.interpretation.roster;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import org.learningcities.interpretation.language.LanguageTag;
import org.learningcities.interpretation.planning.LanguageClass;

/**
 * One language an interpreter works with. The class is checked by {@link RosterValidation}, not by an annotation,
 * so that its error names the JSON field {@code class} rather than the Java component.
 */
@Schema(description = "A working language and its AIIC class")
record WorkingLanguage(
        @Schema(description = "BCP 47 tag", example = "zh") @NotNull @LanguageTag String language,
        @Schema(description = "A (native), B (active, into it only in a retour booth) or C (passive)",
                example = "A", requiredMode = Schema.RequiredMode.REQUIRED)
        @JsonProperty("class") LanguageClass languageClass) {
}
