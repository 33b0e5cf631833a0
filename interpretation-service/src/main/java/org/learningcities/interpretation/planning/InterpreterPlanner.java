package org.learningcities.interpretation.planning;

import java.time.Duration;

/** Assigns interpreters to booths by the hard rules, optimising the soft ones, with a constraint solver. */
public interface InterpreterPlanner {

    /**
     * @param timeLimit the longest the solver may run; it stops earlier once it stops improving
     */
    PlanningResult plan(PlanningProblem problem, Duration timeLimit);
}
