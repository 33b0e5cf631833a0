package org.learningcities.performance;

/**
 * When a step at a fixed rate counts as sustained: no errors, p99 within the limit, and the answers kept up with
 * the schedule (at least {@code minimumAchievedShare} of the target rate).
 */
record SteppingRule(double p99LimitMillis, double minimumAchievedShare) {

    static SteppingRule p99Under(double millis) {
        return new SteppingRule(millis, 0.95);
    }

    boolean sustained(StepResult step) {
        return step.errors() == 0
                && step.latency().p99() < p99LimitMillis
                && step.achievedRate() >= minimumAchievedShare * step.targetRate();
    }

    /** Why a step did not count, for the report; empty when it did. */
    String shortfall(StepResult step) {
        if (step.errors() > 0) {
            return step.errors() + " errors";
        }
        if (step.latency().p99() >= p99LimitMillis) {
            return "p99 " + Figures.millis(step.latency().p99()) + " ms ≥ " + Figures.millis(p99LimitMillis) + " ms";
        }
        if (step.achievedRate() < minimumAchievedShare * step.targetRate()) {
            return "achieved " + Figures.rate(step.achievedRate()) + "/s of " + Figures.rate(step.targetRate()) + "/s";
        }
        return "";
    }
}
