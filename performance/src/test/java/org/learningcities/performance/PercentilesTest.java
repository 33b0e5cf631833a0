package org.learningcities.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void percentilesOfOneToAThousandMillisecondsAreTheirRanks() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int millis = 1; millis <= 1000; millis++) {
            histogram.record(Duration.ofMillis(millis));
        }

        Percentiles percentiles = histogram.percentiles();

        assertThat(percentiles.count()).isEqualTo(1000);
        // Three significant digits: each figure within 0.1 % of the exact rank.
        assertThat(percentiles.p50()).isCloseTo(500, within(0.5));
        assertThat(percentiles.p95()).isCloseTo(950, within(1.0));
        assertThat(percentiles.p99()).isCloseTo(990, within(1.0));
        assertThat(percentiles.max()).isCloseTo(1000, within(1.0));
    }

    @Test
    void aFewSlowAnswersShowInTheTailNotInTheMedian() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 980; i++) {
            histogram.recordNanos(2_000_000);
        }
        for (int i = 0; i < 20; i++) {
            histogram.record(Duration.ofSeconds(3));
        }

        Percentiles percentiles = histogram.percentiles();

        assertThat(percentiles.p50()).isCloseTo(2, within(0.01));
        assertThat(percentiles.p95()).isCloseTo(2, within(0.01));
        assertThat(percentiles.p99()).isCloseTo(3000, within(3.0));
    }

    @Test
    void nothingRecordedReadsAsZeroesWithACountOfZero() {
        assertThat(new LatencyHistogram().percentiles()).isEqualTo(Percentiles.NONE);
    }

    @Test
    void aNegativeIntervalCountsAsNoWaitAtAll() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.recordNanos(-5_000);

        assertThat(histogram.percentiles().max()).isZero();
    }
}
