package org.learningcities.interpretation.planning;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One booth to staff, with what the constraints look up on every move computed once.
 *
 * @param sources      the floor languages other than the booth's own: an interpreter must hold one of them to work
 *                     without relay (the English booth of an English and Chinese floor interprets the Chinese)
 * @param previousTeam the interpreters the current plan has in this booth: keeping them is rewarded
 */
record Booth(BoothNeed need, int isoWeek, List<String> sources, Set<String> previousTeam) {

    Booth {
        sources = List.copyOf(sources);
        previousTeam = Set.copyOf(previousTeam);
    }

    Booth(BoothNeed need, Set<String> previousTeam) {
        this(need, need.day().get(IsoFields.WEEK_BASED_YEAR) * 100 + need.day().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                need.floorLanguages().stream().filter(language -> !language.equals(need.language())).toList(),
                previousTeam);
    }

    String key() {
        return key(need.sessionId(), need.language());
    }

    static String key(String sessionId, String language) {
        return sessionId + "/" + language;
    }

    String language() {
        return need.language();
    }

    LocalDate day() {
        return need.day();
    }

    /** The rules an interpreter breaks wherever and whenever they work here: class, source and availability. */
    boolean canEverBeStaffedBy(Interpreter interpreter) {
        return interpreter.worksInto(need.language(), need.bidirectional())
                && (interpreter.holdsAny(sources) || interpreter.holdsAny(need.otherBoothLanguages()))
                && interpreter.availableOn(need.day());
    }

    boolean needsRelay(Interpreter interpreter) {
        return !interpreter.holdsAny(sources);
    }

    /** The pivot an interpreter takes relay from here, or null when they hold a source on the floor. */
    String relayLanguageFor(Interpreter interpreter) {
        return needsRelay(interpreter) ? interpreter.firstHeld(need.otherBoothLanguages()) : null;
    }

    /**
     * Whether one interpreter cannot work both booths: they overlap (which includes two booths of one session), or
     * they are in different rooms (or one has none) with less than the gap between them to move.
     */
    boolean clashesWith(Booth other, Duration gapBetweenRooms) {
        BoothNeed a = need;
        BoothNeed b = other.need;
        boolean sameRoom = a.roomId() != null && Objects.equals(a.roomId(), b.roomId());
        Duration gap = sameRoom ? Duration.ZERO : gapBetweenRooms;
        return a.startsAt().isBefore(b.endsAt().plus(gap)) && b.startsAt().isBefore(a.endsAt().plus(gap));
    }
}
