package org.learningcities.performance;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the figures out of what Kafka's performance tools print (kafka-tools 4.1). */
final class KafkaToolOutput {

    private static final Pattern AVERAGE = Pattern.compile("Avg latency: ([\\d.]+) ms");
    private static final Pattern PERCENTILES =
            Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99\\.9th = (\\d+)");
    /** The final summary line; the progress lines before it have no percentiles. */
    private static final Pattern PRODUCER_SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, "
                    + "([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99\\.9th");

    private KafkaToolOutput() {
    }

    /**
     * What {@code EndToEndLatency} measured: one record at a time, produced with the given acks and consumed
     * back. The tool keeps whole milliseconds, so its percentiles are truncated to the millisecond below.
     */
    record EndToEndLatency(double averageMillis, long p50Millis, long p99Millis, long p999Millis) {
    }

    /** What {@code ProducerPerformance} measured: throughput and the time from send to acknowledgement. */
    record ProducerPerformance(long records, double recordsPerSecond, double mebibytesPerSecond,
                               double averageMillis, double maxMillis, long p50Millis, long p95Millis,
                               long p99Millis, long p999Millis) {
    }

    static EndToEndLatency endToEndLatency(List<String> lines) {
        Matcher average = find(AVERAGE, lines, "EndToEndLatency's average");
        Matcher percentiles = find(PERCENTILES, lines, "EndToEndLatency's percentiles");
        return new EndToEndLatency(number(average.group(1)), Long.parseLong(percentiles.group(1)),
                Long.parseLong(percentiles.group(2)), Long.parseLong(percentiles.group(3)));
    }

    static ProducerPerformance producerPerformance(List<String> lines) {
        Matcher summary = find(PRODUCER_SUMMARY, lines, "ProducerPerformance's summary");
        return new ProducerPerformance(Long.parseLong(summary.group(1)), number(summary.group(2)),
                number(summary.group(3)), number(summary.group(4)), number(summary.group(5)),
                Long.parseLong(summary.group(6)), Long.parseLong(summary.group(7)), Long.parseLong(summary.group(8)),
                Long.parseLong(summary.group(9)));
    }

    private static Matcher find(Pattern pattern, List<String> lines, String what) {
        for (String line : lines.reversed()) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return matcher;
            }
        }
        throw new IllegalArgumentException("No " + what + " in the tool's output:\n" + String.join("\n", lines));
    }

    /** The tools format with the default locale; {@link KafkaToolBaselines} runs them in English. */
    private static double number(String text) {
        return Double.parseDouble(text);
    }
}
