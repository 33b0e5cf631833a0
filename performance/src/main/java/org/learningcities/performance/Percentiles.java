package org.learningcities.performance;

import org.HdrHistogram.Histogram;

/**
 * The latency figures every measurement prints, in milliseconds.
 *
 * @param count how many latencies were recorded
 */
record Percentiles(long count, double p50, double p95, double p99, double max) {

    static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0);

    /** From a histogram of microseconds. */
    static Percentiles ofMicroseconds(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return NONE;
        }
        return new Percentiles(histogram.getTotalCount(),
                millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(95)),
                millis(histogram.getValueAtPercentile(99)),
                millis(histogram.getMaxValue()));
    }

    @Override
    public String toString() {
        return "p50 %s ms, p95 %s ms, p99 %s ms, max %s ms (n=%d)".formatted(
                Figures.millis(p50), Figures.millis(p95), Figures.millis(p99), Figures.millis(max), count);
    }

    private static double millis(long microseconds) {
        return microseconds / 1000.0;
    }
}
