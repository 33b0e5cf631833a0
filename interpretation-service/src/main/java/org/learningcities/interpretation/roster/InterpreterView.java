package org.learningcities.interpretation.roster;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** An interpreter on the roster, as the API shows them. */
record InterpreterView(
        @Schema(description = "Opaque id") String id,
        String givenName,
        String familyName,
        String email,
        @Schema(description = "E.164, or null") String phone,
        @Schema(description = "BCP 47") String correspondenceLanguage,
        @Schema(description = "Sorted by language tag") List<WorkingLanguage> languages,
        @Schema(description = "Inclusive date ranges, merged and sorted") List<AvailabilityRange> availability,
        String homeRoomId,
        @Schema(description = "The interpreter's user account, or null when none is linked") String accountId) {

    InterpreterView {
        languages = List.copyOf(languages);
        availability = List.copyOf(availability);
    }

    static InterpreterView of(String id, RosterEntry entry) {
        return new InterpreterView(id, entry.givenName(), entry.familyName(), entry.email(), entry.phone(),
                entry.correspondenceLanguage(),
                entry.languages().entrySet().stream()
                        .map(language -> new WorkingLanguage(language.getKey(), language.getValue()))
                        .toList(),
                AvailabilityRange.covering(entry.availableDays()), entry.homeRoomId(), entry.accountId());
    }
}
