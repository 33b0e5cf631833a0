package org.learningcities.performance;

import java.time.Duration;
import java.util.List;

/**
 * How long and how hard each measurement runs. The full plan takes about ten minutes on two cores; the quick one
 * about three, with shorter steps and fewer of them, for checking that the harness works rather than for figures.
 */
record BenchmarkPlan(boolean quick, Duration warmUp, Duration platformWarmUp, Duration step, Duration pauseBetweenSteps,
                     List<Integer> registrationRates, List<Integer> bareRates, int endToEndRate,
                     Duration endToEndDuration, int releaseDelegates, int releaseRounds, List<Integer> readRates,
                     int kafkaLatencyRecords, int kafkaProducerRecords) {

    static BenchmarkPlan full() {
        return new BenchmarkPlan(false, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofSeconds(2),
                List.of(10, 25, 50, 100, 200, 300, 400, 600, 800, 1000, 1200, 1500),
                List.of(50, 100, 200, 400, 600, 800, 1000, 1200, 1500, 2000, 2500, 3000),
                200, Duration.ofSeconds(20), 200, 4, List.of(250, 500, 1000, 1500, 2000, 2500, 3000),
                5_000, 200_000);
    }

    static BenchmarkPlan quickSmoke() {
        return new BenchmarkPlan(true, Duration.ofSeconds(3), Duration.ofSeconds(15), Duration.ofSeconds(4),
                Duration.ofSeconds(1),
                List.of(10, 25, 50, 100, 200, 400), List.of(50, 100, 400, 800, 1600),
                200, Duration.ofSeconds(8), 100, 2, List.of(250, 500, 1000, 2000),
                1_000, 50_000);
    }
}
