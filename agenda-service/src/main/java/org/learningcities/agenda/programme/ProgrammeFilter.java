package org.learningcities.agenda.programme;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

import org.learningcities.agenda.schedule.SessionType;

/**
 * The programme's query: sessions starting on a local date of the venue, of a type, in a language
 * spoken on the floor or interpreted into. Null means no restriction.
 *
 * @param language a canonical BCP 47 tag
 */
record ProgrammeFilter(LocalDate date, SessionType type, String language) {

    /**
     * A strong validator of the programme under this filter: the response changes only when a
     * release does, so the version and the filter determine it. Filters spelled differently but
     * meaning the same (zh, ZH) share a tag.
     */
    String etag(int version) {
        return validator(version, date + "|" + type + "|" + language);
    }

    /**
     * The same for another representation of the programme under this filter, such as the iCalendar
     * feed in one reading language: the variant names it, so its tags never match the JSON's.
     */
    String etag(int version, String variant) {
        return validator(version, date + "|" + type + "|" + language + "|" + variant);
    }

    private static String validator(int version, String query) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
            return "\"v" + version + "-" + HexFormat.of().formatHex(digest, 0, 8) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
