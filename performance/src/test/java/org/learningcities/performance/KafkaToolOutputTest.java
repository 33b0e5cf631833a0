package org.learningcities.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class KafkaToolOutputTest {

    @Test
    void readsTheAverageAndPercentilesEndToEndLatencyPrintsAfterItsProgressLines() {
        List<String> output = List.of(
                "0\t12.345678",
                "1000\t0.612",
                "Avg latency: 0.6420 ms",
                "Percentiles: 50th = 0, 99th = 3, 99.9th = 11");

        KafkaToolOutput.EndToEndLatency latency = KafkaToolOutput.endToEndLatency(output);

        assertThat(latency).isEqualTo(new KafkaToolOutput.EndToEndLatency(0.642, 0, 3, 11));
    }

    @Test
    void readsTheSummaryLineOfProducerPerformanceNotItsProgressLines() {
        List<String> output = List.of(
                "371521 records sent, 74289.3 records/sec (72.55 MB/sec), 330.9 ms avg latency, 502.0 ms max latency.",
                "200000 records sent, 76190.476190 records/sec (74.40 MB/sec), 310.54 ms avg latency, "
                        + "518.00 ms max latency, 301 ms 50th, 470 ms 95th, 501 ms 99th, 515 ms 99.9th.");

        KafkaToolOutput.ProducerPerformance producer = KafkaToolOutput.producerPerformance(output);

        assertThat(producer).isEqualTo(new KafkaToolOutput.ProducerPerformance(200_000, 76190.476190, 74.40, 310.54,
                518.00, 301, 470, 501, 515));
    }

    @Test
    void outputWithoutFiguresIsRefusedWithWhatTheToolPrinted() {
        assertThatThrownBy(() -> KafkaToolOutput.endToEndLatency(List.of("Exception in thread \"main\" boom")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EndToEndLatency's average")
                .hasMessageContaining("boom");
    }
}
