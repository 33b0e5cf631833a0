package org.learningcities.interpretation.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One booth a session needs: interpretation into one language for the whole session.
 *
 * @param language           BCP 47 tag the booth interprets into
 * @param day                the session's date on the venue's clocks: what availability and daily caps count by
 * @param roomId             null for a session away from the conference rooms (a study visit)
 * @param floorLanguages     what speakers use: the booth's direct sources
 * @param otherBoothLanguages the languages of the session's other booths: possible relay pivots
 * @param bidirectional      the booth also works from its language into a pivot (retour), e.g. the Chinese booth
 *                           when Chinese is spoken on the floor
 * @param teamSize           interpreters the booth needs (see {@link PlanningRules#teamSize})
 */
public record BoothNeed(String sessionId, String conferenceId, String language, Instant startsAt, Instant endsAt,
                        LocalDate day, String roomId, List<String> floorLanguages, List<String> otherBoothLanguages,
                        boolean bidirectional, int teamSize) {

    public BoothNeed {
        floorLanguages = List.copyOf(floorLanguages);
        otherBoothLanguages = List.copyOf(otherBoothLanguages);
    }
}
