package org.learningcities.interpretation.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The booths each interpreter already works, to ask whether one more would break the time rules: overlap, the gap
 * between rooms, the daily and the weekly cap. The solver's constraints stay the authority; this answers the same
 * question quickly outside it, for the warm start and for counting who could step in.
 */
final class Workload {

    private final PlanningRules rules;
    private final Map<Interpreter, List<Booth>> booked = new HashMap<>();

    Workload(PlanningRules rules) {
        this.rules = rules;
    }

    void book(Interpreter interpreter, Booth booth) {
        booked.computeIfAbsent(interpreter, key -> new ArrayList<>()).add(booth);
    }

    boolean fits(Interpreter interpreter, Booth booth) {
        List<Booth> assigned = booked.getOrDefault(interpreter, List.of());
        long sameDay = assigned.stream().filter(other -> other.day().equals(booth.day())).count();
        long sameWeek = assigned.stream().filter(other -> other.isoWeek() == booth.isoWeek()).count();
        return sameDay < rules.maxSessionsPerDay() && sameWeek < rules.maxSessionsPerWeek()
                && assigned.stream().noneMatch(other -> other.clashesWith(booth, rules.gapBetweenRooms()));
    }
}
