package org.learningcities.interpretation.planning;

import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * One seat of a booth: the solver picks its interpreter, or leaves it empty when the hard rules allow nobody.
 * The candidates are the interpreters whose languages and availability suit the booth at all, so the solver does not
 * waste moves on them; the hard constraints still check those rules, for warm-started seats and for safety.
 */
@PlanningEntity
class Seat {

    @PlanningId
    private String id;
    private Booth booth;
    @ValueRangeProvider(id = "candidates")
    private List<Interpreter> candidates;
    @PlanningVariable(valueRangeProviderRefs = "candidates", allowsUnassigned = true)
    private Interpreter interpreter;

    /** For the solver's solution cloner. */
    Seat() {
    }

    Seat(String id, Booth booth, List<Interpreter> candidates, Interpreter interpreter) {
        this.id = id;
        this.booth = booth;
        this.candidates = List.copyOf(candidates);
        this.interpreter = interpreter;
    }

    Booth booth() {
        return booth;
    }

    Interpreter interpreter() {
        return interpreter;
    }

    @Override
    public String toString() {
        return id + "=" + interpreter;
    }
}
