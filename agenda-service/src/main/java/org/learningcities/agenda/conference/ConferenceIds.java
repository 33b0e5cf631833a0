package org.learningcities.agenda.conference;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * Ids such as {@code beijing-2013-5f0c9a2e}: readable in logs, URLs and support tickets, and made
 * unique by a random suffix. Clients treat them as opaque.
 */
final class ConferenceIds {

    private static final int MAX_SLUG_LENGTH = 40;

    private ConferenceIds() {
    }

    static String next(String city, LocalDate startDate) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return slug(city) + "-" + startDate.getYear() + "-" + suffix;
    }

    /** ASCII letters and digits of the city name; a name in another script (北京) gives "conference". */
    private static String slug(String city) {
        String slug = Normalizer.normalize(city, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        if (slug.isEmpty()) {
            return "conference";
        }
        return slug.length() > MAX_SLUG_LENGTH ? slug.substring(0, MAX_SLUG_LENGTH).replaceAll("-$", "") : slug;
    }
}
