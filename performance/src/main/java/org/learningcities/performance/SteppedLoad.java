package org.learningcities.performance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleFunction;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Steps the rate up until a step is not sustained, then stops: the steps run and the highest sustained one.
 *
 * @param steps every step run, in order; the last one failed the rule unless every rate passed
 */
record SteppedLoad(String name, SteppingRule rule, List<StepResult> steps) {

    SteppedLoad {
        steps = List.copyOf(steps);
    }

    static SteppedLoad run(String name, List<Integer> rates, SteppingRule rule, DoubleFunction<StepResult> step) {
        List<StepResult> results = new ArrayList<>();
        for (int rate : rates) {
            StepResult result = step.apply(rate);
            results.add(result);
            System.out.printf("  %s %s%n", name, result.summary());
            if (!rule.sustained(result)) {
                System.out.printf("  %s stops: %s%s%n", name, rule.shortfall(result),
                        result.errorKinds().isEmpty() ? "" : " (" + result.errorKinds().getFirst() + ")");
                break;
            }
        }
        return new SteppedLoad(name, rule, results);
    }

    /** The highest step that met the rule below the first that did not. */
    Optional<StepResult> sustained() {
        StepResult best = null;
        for (StepResult step : steps) {
            if (!rule.sustained(step)) {
                break;
            }
            best = step;
        }
        return Optional.ofNullable(best);
    }

    @JsonProperty("sustainedRate")
    double sustainedRate() {
        return sustained().map(StepResult::targetRate).orElse(0.0);
    }
}
