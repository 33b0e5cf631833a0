package org.learningcities.agenda.conference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
public record ConferenceRequest(
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
        @Min(1) int capacity,
        @Schema(description = "Whether registering needs a signed-in delegate, focal point or secretariat account; "
                + "when false or absent, anonymous visitors may register too", defaultValue = "false")
        Boolean accountRequired) {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    Conference toConference(String id) {
        if (!ISO_COUNTRIES.contains(countryCode)) {
            throw Problems.invalidField("countryCode", "must be an ISO 3166-1 alpha-2 code in capitals, such as CN");
        }
        ZoneId zone = zone();
        if (endDate.isBefore(startDate)) {
            throw Problems.invalidField("endDate", "must not be before startDate");
        }
        Instant opens = ConferenceDays.instantAt("registrationOpens", registrationOpens, zone);
        Instant closes = ConferenceDays.instantAt("registrationCloses", registrationCloses, zone);
        if (!opens.isBefore(closes)) {
            throw Problems.invalidField("registrationCloses", "must be after registrationOpens");
        }
        return new Conference(id, title.strip(), city.strip(), countryCode, venue.strip(), zone, startDate, endDate,
                LanguageTags.canonical("languages", languages), opens, closes, capacity,
                Boolean.TRUE.equals(accountRequired));
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
}
