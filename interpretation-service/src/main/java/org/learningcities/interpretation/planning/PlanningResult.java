package org.learningcities.interpretation.planning;

import java.time.Duration;
import java.util.List;

/**
 * A plan and how good it is.
 *
 * @param hardConstraintsBroken 0 for a plan that breaks no hard rule (seats may still be empty: see coverage)
 * @param score                 the solver's score, for logs and benchmarks
 * @param solvingTime           how long the solver ran
 */
public record PlanningResult(List<PlannedAssignment> assignments, List<BoothCoverage> coverage,
                             long hardConstraintsBroken, String score, Duration solvingTime) {

    public PlanningResult {
        assignments = List.copyOf(assignments);
        coverage = List.copyOf(coverage);
    }
}
