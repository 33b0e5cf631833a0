package org.learningcities.interpretation.planning;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * An interpreter as planning sees them.
 *
 * @param languages     BCP 47 tag to class
 * @param availableDays the days they can work; a booth on any other day cannot be theirs
 * @param homeRoomId    the room they prefer to stay in, or null
 */
public record RosterInterpreter(String interpreterId, Map<String, LanguageClass> languages, Set<LocalDate> availableDays,
                                String homeRoomId) {

    public RosterInterpreter {
        languages = Map.copyOf(languages);
        availableDays = Set.copyOf(availableDays);
    }
}
