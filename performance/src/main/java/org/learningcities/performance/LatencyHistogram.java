package org.learningcities.performance;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;

/** Latencies recorded from many threads at once, kept in microseconds with three significant digits. */
final class LatencyHistogram {

    /** Anything slower is recorded as this: a request times out long before. */
    private static final long HIGHEST_MICROSECONDS = TimeUnit.MINUTES.toMicros(10);

    private final ConcurrentHistogram histogram = new ConcurrentHistogram(HIGHEST_MICROSECONDS, 3);

    void recordNanos(long nanos) {
        long micros = Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos));
        histogram.recordValue(Math.min(micros, HIGHEST_MICROSECONDS));
    }

    void record(Duration latency) {
        recordNanos(latency.toNanos());
    }

    Percentiles percentiles() {
        return Percentiles.ofMicroseconds(histogram);
    }
}
