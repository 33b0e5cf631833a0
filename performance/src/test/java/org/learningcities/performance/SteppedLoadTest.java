package org.learningcities.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SteppedLoadTest {

    private static final SteppingRule RULE = SteppingRule.p99Under(100);

    @Test
    void stopsAtTheFirstStepWithErrorsAndSustainsTheOneBefore() {
        Map<Integer, StepResult> outcomes = Map.of(
                50, step(50, 50, 12, 0),
                100, step(100, 100, 20, 0),
                200, step(200, 190, 40, 3),
                300, step(300, 300, 10, 0));
        List<Integer> run = new ArrayList<>();

        SteppedLoad load = SteppedLoad.run("test", List.of(50, 100, 200, 300), RULE, rate -> {
            run.add((int) rate);
            return outcomes.get((int) rate);
        });

        assertThat(run).containsExactly(50, 100, 200);
        assertThat(load.sustainedRate()).isEqualTo(100);
    }

    @Test
    void aP99AtTheLimitIsNotSustained() {
        assertThat(RULE.sustained(step(400, 400, 99.9, 0))).isTrue();
        assertThat(RULE.sustained(step(400, 400, 100, 0))).isFalse();
        assertThat(RULE.shortfall(step(400, 400, 100, 0))).isEqualTo("p99 100 ms ≥ 100 ms");
    }

    @Test
    void answersFallingBehindTheScheduleAreNotSustainedEvenWithoutErrors() {
        assertThat(RULE.sustained(step(1000, 951, 30, 0))).isTrue();
        assertThat(RULE.sustained(step(1000, 900, 30, 0))).isFalse();
        assertThat(RULE.shortfall(step(1000, 900, 30, 0))).isEqualTo("achieved 900/s of 1000/s");
    }

    @Test
    void whenTheFirstStepFailsNothingIsSustained() {
        SteppedLoad load = SteppedLoad.run("test", List.of(50, 100), RULE, rate -> step(rate, rate, 250, 0));

        assertThat(load.steps()).hasSize(1);
        assertThat(load.sustained()).isEmpty();
        assertThat(load.sustainedRate()).isZero();
    }

    @Test
    void whenEveryStepPassesTheHighestIsSustained() {
        SteppedLoad load = SteppedLoad.run("test", List.of(50, 100, 200), RULE, rate -> step(rate, rate, 5, 0));

        assertThat(load.steps()).hasSize(3);
        assertThat(load.sustainedRate()).isEqualTo(200);
    }

    static StepResult step(double rate, double achieved, double p99, long errors) {
        return new StepResult(rate, (long) rate * 10, (long) achieved * 10 - errors, errors, achieved,
                new Percentiles((long) achieved * 10, p99 / 3, p99 / 2, p99, p99 * 2),
                new Percentiles((long) rate * 10, 0.05, 0.1, 0.2, 1), 2.5, 10.0,
                errors > 0 ? List.of("HTTP 503 registration-service is failing (×" + errors + ")") : List.of());
    }
}
