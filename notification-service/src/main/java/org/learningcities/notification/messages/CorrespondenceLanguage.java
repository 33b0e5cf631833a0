package org.learningcities.notification.messages;

import java.util.Arrays;
import java.util.Locale;

/**
 * The languages e-mails are written in: the conference's official languages. A delegate who
 * corresponds in any other language is written to in English.
 */
public enum CorrespondenceLanguage {

    ENGLISH("en"), CHINESE("zh"), FRENCH("fr"), SPANISH("es");

    private final Locale locale;

    CorrespondenceLanguage(String tag) {
        this.locale = Locale.forLanguageTag(tag);
    }

    /** The language of a BCP 47 tag; regional and script variants ({@code zh-Hans-CN}, {@code es-419}) count as their language. */
    public static CorrespondenceLanguage forTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return ENGLISH;
        }
        // Tolerate the Java spelling (zh_CN) of a tag, which Locale.forLanguageTag would reject as empty.
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return Arrays.stream(values())
                .filter(candidate -> candidate.locale.getLanguage().equals(language))
                .findFirst()
                .orElse(ENGLISH);
    }

    public Locale locale() {
        return locale;
    }

    public String tag() {
        return locale.toLanguageTag();
    }
}
