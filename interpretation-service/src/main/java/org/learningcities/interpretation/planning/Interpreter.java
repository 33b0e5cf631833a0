package org.learningcities.interpretation.planning;

import java.time.LocalDate;
import java.util.List;

/**
 * A roster interpreter as the solver's value: compared by identity, because the solver hashes values on every move
 * and the record's maps and sets would make that slow.
 */
final class Interpreter {

    private final RosterInterpreter roster;

    Interpreter(RosterInterpreter roster) {
        this.roster = roster;
    }

    String id() {
        return roster.interpreterId();
    }

    String homeRoomId() {
        return roster.homeRoomId();
    }

    /** Into their A language, or into their B language in a booth that works both ways (retour). */
    boolean worksInto(String language, boolean bidirectional) {
        LanguageClass languageClass = roster.languages().get(language);
        return languageClass == LanguageClass.A || bidirectional && languageClass == LanguageClass.B;
    }

    boolean holdsAny(List<String> languages) {
        return firstHeld(languages) != null;
    }

    /** The first of these languages they hold (A, B or C), or null. */
    String firstHeld(List<String> languages) {
        for (String language : languages) {
            if (roster.languages().containsKey(language)) {
                return language;
            }
        }
        return null;
    }

    boolean availableOn(LocalDate day) {
        return roster.availableDays().contains(day);
    }

    @Override
    public String toString() {
        return id();
    }
}
