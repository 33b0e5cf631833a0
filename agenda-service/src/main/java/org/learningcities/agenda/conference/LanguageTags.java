package org.learningcities.agenda.conference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.learningcities.web.Problems;

/** BCP 47 language tags as the platform stores them: validated and in canonical case (zh-cn becomes zh-CN). */
public final class LanguageTags {

    private static final Set<String> ISO_639_1_LANGUAGES = Set.of(Locale.getISOLanguages());

    private LanguageTags() {
    }

    /** Each tag canonical and once, in the given order; a malformed one is refused naming {@code field[index]}. */
    public static List<String> canonical(String field, List<String> given) {
        List<String> tags = new ArrayList<>();
        for (int index = 0; index < given.size(); index++) {
            String canonical = canonical(given.get(index)).orElseThrow(invalid(field + "[" + index + "]"));
            if (!tags.contains(canonical)) {
                tags.add(canonical);
            }
        }
        return tags;
    }

    /** The canonical form of one tag, or empty when it is none. */
    public static Optional<String> canonical(String given) {
        if (given == null) {
            return Optional.empty();
        }
        Locale locale = Locale.forLanguageTag(given);
        String canonical = locale.toLanguageTag();
        // forLanguageTag drops what it cannot parse, so a tag that does not survive the round trip
        // was not well-formed. Two-letter languages must be ISO 639-1; three-letter ones (yue, fil)
        // come from ISO 639-2/3, which the JDK cannot list; longer ones ("english") are no languages.
        boolean wellFormed = canonical.equalsIgnoreCase(given) && !"und".equals(canonical);
        boolean knownLanguage = ISO_639_1_LANGUAGES.contains(locale.getLanguage())
                || locale.getLanguage().length() == 3;
        return wellFormed && knownLanguage ? Optional.of(canonical) : Optional.empty();
    }

    private static Supplier<RuntimeException> invalid(String field) {
        return () -> Problems.invalidField(field, "must be a BCP 47 language tag such as en, zh or pt-BR");
    }
}
