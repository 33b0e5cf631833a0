package org.learningcities.performance;

import java.util.List;

/**
 * One open-loop step at a fixed rate.
 *
 * @param targetRate     requests per second the schedule asked for
 * @param sent           requests started (the schedule's requests minus those refused locally)
 * @param succeeded      answered with a 2xx (or the code the measurement expects)
 * @param errors         other answers, failures, time-outs and requests the generator could not start
 * @param achievedRate   successful answers per second, from the first intended start to the last answer
 * @param latency        from each request's intended start to its answer, so a late start counts against it
 * @param startLateness  how much later than intended the generator started requests: the generator's own lag
 * @param harnessCpuSeconds CPU time this JVM (load generator, mail server, launcher) used during the step
 * @param seconds        wall time of the step, from the first intended start to the last answer
 * @param errorKinds   what went wrong, by kind (a few kinds at most), each with how often
 */
record StepResult(double targetRate, long sent, long succeeded, long errors, double achievedRate,
                  Percentiles latency, Percentiles startLateness, double harnessCpuSeconds, double seconds,
                  List<String> errorKinds) {

    StepResult {
        errorKinds = List.copyOf(errorKinds);
    }

    /** The harness JVM's CPU use during the step, in cores (2.0 would be both cores of this machine). */
    double harnessCores() {
        return seconds > 0 ? harnessCpuSeconds / seconds : 0;
    }

    String summary() {
        return "target %s/s: achieved %s/s, %s, errors %d, started late p99 %s ms, harness CPU %s cores".formatted(
                Figures.rate(targetRate), Figures.rate(achievedRate), latency, errors,
                Figures.millis(startLateness.p99()), Figures.oneDecimal(harnessCores()));
    }
}
