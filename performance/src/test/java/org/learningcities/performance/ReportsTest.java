package org.learningcities.performance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReportsTest {

    private final BenchmarkResults results = SampleResults.withRegistrationsAt(300, 600);

    @Test
    void theMarkdownReportNamesTheMachineJudgesEachTargetAndTablesEveryStep() {
        String markdown = MarkdownReport.render(results);

        assertThat(markdown)
                .contains("- Commit: abc1234")
                .contains("- Machine: 2 cores, 24576 MiB RAM, Test CPU @ 2.0GHz; Debian (kernel 6.1); OpenJDK 25")
                .contains("- Load average (1 / 5 / 15 min) before the run: 0.52 / 0.80 / 1.10; "
                        + "after: 1.95 / 1.60 / 1.30")
                .contains("- **Failed:** programme reads: gateway answered 503")
                .contains("| Registration throughput | sustained registrations through the gateway ≥ ½ the bare "
                        + "one-row insert's, p99 < 100 ms | 300/s, p99 60.00 ms vs bare 600/s (50.0 % of it) | yes |")
                .contains("| Personal-agenda reads | ≥ 2,000 requests/s with p99 < 50 ms | sustained 1500/s, "
                        + "p99 30.00 ms | **no** |")
                .contains("| 600 | 600 | 6.67 | 10.00 | 20.00 | 40.00 | 0 | 0.20 | 0.3 | yes |")
                .contains("| 600 | 600 | 100 | 150 | 300 | 600 | 12 | 0.20 | 0.3 | no: 12 errors |")
                .contains("Errors at 600/s: HTTP 503 registration-service is failing (×12)")
                .contains("EndToEndLatency (1 KiB, acks=all, one record at a time, produced and consumed back): "
                        + "average 0.64 ms, p50 0 ms, p99 3 ms, p99.9 11 ms")
                .contains("- Release → last notification, per release: [1150 ms, 1200 ms, 980 ms, 1010 ms]")
                .contains("| **platform total** | **930** | **1110** |");
        assertThat(markdown.substring(markdown.indexOf("## Released programme reads")))
                .startsWith("## Released programme reads through the gateway\n\nGET /api/conferences/{c}/sessions "
                        + "without a token.\n\nNot measured.");
    }

    @Test
    void theJsonReportCarriesTheSameFiguresForScripts() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(results));

        assertThat(json.path("commit").asText()).isEqualTo("abc1234");
        assertThat(json.path("registrations").path("sustainedRate").asDouble()).isEqualTo(300);
        assertThat(json.path("registrations").path("steps").get(0).path("latency").path("p99").asDouble())
                .isEqualTo(60);
        assertThat(json.path("kafkaEndToEndLatency").path("p99Millis").asLong()).isEqualTo(3);
        assertThat(json.path("registrationToEmail").path("mailLatency").path("p50").asDouble()).isEqualTo(18);
        assertThat(json.path("programmeReads").isNull()).isTrue();
        assertThat(json.path("platformMemoryAfterLoadBytes").asLong()).isEqualTo(1110L * 1024 * 1024);
        assertThat(json.path("targets")).hasSize(6);
        assertThat(json.path("targets").get(0).path("reached").asBoolean()).isTrue();
    }
}
