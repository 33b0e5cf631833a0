package org.learningcities.agenda.conference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.learningcities.web.Problems;

/**
 * A new conference edition as the secretariat describes it. Bean validation checks presence and
 * size; {@link #toConference} checks what needs parsing or more than one field, naming the field.
 */
record ConferenceRequest(
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 100) String city,
        @Schema(description = "ISO 3166-1 alpha-2 country code", example = "CN")
        @NotBlank String countryCode,
        @NotBlank @Size(max = 300) String venue,
        @Schema(description = "IANA time zone id of the venue", example = "Asia/Shanghai")
        @NotBlank String timeZone,
        @Schema(example = "2013-10-21") @NotNull LocalDate startDate,
        @Schema(example = "2013-10-23") @NotNull LocalDate endDate,
        @Schema(description = "Official languages as BCP 47 tags", example = "[\"en\", \"zh\", \"fr\", \"es\"]")
        @NotEmpty List<@NotBlank String> languages,
        @Schema(description = "Local date-time in the conference's time zone", example = "2013-06-01T00:00")
        @NotNull LocalDateTime registrationOpens,
        @Schema(description = "Local date-time in the conference's time zone", example = "2013-09-30T23:59")
        @NotNull LocalDateTime registrationCloses,
        @Min(1) int capacity) {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> ISO_639_1_LANGUAGES = Set.of(Locale.getISOLanguages());

    Conference toConference(String id) {
        if (!ISO_COUNTRIES.contains(countryCode)) {
            throw Problems.invalidField("countryCode", "must be an ISO 3166-1 alpha-2 code in capitals, such as CN");
        }
        ZoneId zone = zone();
        if (endDate.isBefore(startDate)) {
            throw Problems.invalidField("endDate", "must not be before startDate");
        }
        Instant opens = instantAtVenue("registrationOpens", registrationOpens, zone);
        Instant closes = instantAtVenue("registrationCloses", registrationCloses, zone);
        if (!opens.isBefore(closes)) {
            throw Problems.invalidField("registrationCloses", "must be after registrationOpens");
        }
        return new Conference(id, title.strip(), city.strip(), countryCode, venue.strip(), zone, startDate, endDate,
                languageTags(), opens, closes, capacity);
    }

    /**
     * Only tzdb region ids: a fixed offset such as "+08:00" or "UTC+8" knows nothing of daylight
     * saving or of a country changing its rules. Etc/GMT±N ids are tzdb regions and pass, but their
     * sign is inverted (POSIX): the seeds' "Etc/GMT+8" is UTC−8, while Beijing is Asia/Shanghai, UTC+8.
     */
    private ZoneId zone() {
        if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
            throw Problems.invalidField("timeZone", "must be an IANA time zone id such as Asia/Shanghai");
        }
        return ZoneId.of(timeZone);
    }

    /**
     * A local time skipped when the clocks jump forward never shows on the venue's clocks; guessing
     * which instant was meant would move a deadline by an hour, so it is refused. In the hour that
     * repeats when the clocks go back, the earlier instant is taken.
     */
    private static Instant instantAtVenue(String field, LocalDateTime local, ZoneId zone) {
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            throw Problems.invalidField(field, "does not exist in " + zone.getId()
                    + ": the clocks skip it when daylight saving time starts");
        }
        return local.atZone(zone).toInstant();
    }

    /** BCP 47 tags in their canonical case (zh-cn becomes zh-CN), each once, in the given order. */
    private List<String> languageTags() {
        List<String> tags = new ArrayList<>();
        for (int index = 0; index < languages.size(); index++) {
            String given = languages.get(index);
            Locale locale = Locale.forLanguageTag(given);
            String canonical = locale.toLanguageTag();
            // forLanguageTag drops what it cannot parse, so a tag that does not survive the round trip
            // was not well-formed. Two-letter languages must be ISO 639-1; three-letter ones (yue, fil)
            // come from ISO 639-2/3, which the JDK cannot list; longer ones ("english") are no languages.
            boolean wellFormed = canonical.equalsIgnoreCase(given) && !"und".equals(canonical);
            boolean knownLanguage = ISO_639_1_LANGUAGES.contains(locale.getLanguage())
                    || locale.getLanguage().length() == 3;
            if (!wellFormed || !knownLanguage) {
                throw Problems.invalidField("languages[" + index + "]",
                        "must be a BCP 47 language tag such as en, zh or pt-BR");
            }
            if (!tags.contains(canonical)) {
                tags.add(canonical);
            }
        }
        return tags;
    }
}
