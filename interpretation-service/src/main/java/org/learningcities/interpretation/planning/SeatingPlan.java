package org.learningcities.interpretation.planning;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** The solver's view of a planning run: every seat of every booth, the roster and the rules' numbers. */
@PlanningSolution
class SeatingPlan {

    @ProblemFactCollectionProperty
    private List<Interpreter> interpreters;
    @ProblemFactProperty
    private PlanningRules rules;
    @PlanningEntityCollectionProperty
    private List<Seat> seats;
    @PlanningScore
    private HardMediumSoftLongScore score;

    /** For the solver's solution cloner. */
    SeatingPlan() {
    }

    SeatingPlan(List<Interpreter> interpreters, PlanningRules rules, List<Seat> seats) {
        this.interpreters = interpreters;
        this.rules = rules;
        this.seats = seats;
    }

    List<Seat> seats() {
        return seats;
    }

    HardMediumSoftLongScore score() {
        return score;
    }
}
