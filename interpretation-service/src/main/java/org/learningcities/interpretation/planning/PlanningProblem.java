package org.learningcities.interpretation.planning;

import java.util.List;

/**
 * Everything one planning run decides from.
 *
 * @param previous the current plan: kept wherever the rules still allow, so a moved session does not reshuffle everyone
 */
public record PlanningProblem(List<BoothNeed> booths, List<RosterInterpreter> interpreters,
                              List<PlannedAssignment> previous, PlanningRules rules) {

    public PlanningProblem {
        booths = List.copyOf(booths);
        interpreters = List.copyOf(interpreters);
        previous = List.copyOf(previous);
    }
}
