package org.learningcities.performance;

import static org.learningcities.performance.SteppedLoadTest.step;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run's figures, made up but plausible, for the report and target tests. */
final class SampleResults {

    private static final long MIB = 1024 * 1024;

    private SampleResults() {
    }

    static BenchmarkResults withRegistrationsAt(int gatewayRate, int bareRate) {
        SteppedLoad bare = new SteppedLoad("bare insert", RegistrationBurst.RULE,
                List.of(step(bareRate, bareRate, 20, 0), step(bareRate * 2, bareRate * 1.5, 180, 0)));
        SteppedLoad registrations = new SteppedLoad("registrations", RegistrationBurst.RULE,
                List.of(step(gatewayRate, gatewayRate, 60, 0), step(gatewayRate * 2, gatewayRate * 2, 300, 12)));
        SteppedLoad agenda = new SteppedLoad("agenda reads", ReadLoad.RULE,
                List.of(step(1000, 1000, 12, 0), step(1500, 1500, 30, 0), step(2000, 1700, 80, 0)));
        Map<String, Long> idle = new LinkedHashMap<>();
        idle.put("agenda-service", 300 * MIB);
        idle.put("gateway", 280 * MIB);
        idle.put(MemoryFootprint.KAFKA, 350 * MIB);
        Map<String, Long> loaded = new LinkedHashMap<>();
        loaded.put("agenda-service", 380 * MIB);
        loaded.put("gateway", 330 * MIB);
        loaded.put(MemoryFootprint.KAFKA, 400 * MIB);
        return new BenchmarkResults(Instant.parse("2026-11-21T20:00:00Z"), "abc1234", false,
                new Machine(2, 24L * 1024 * MIB, "Test CPU @ 2.0GHz", "Debian (kernel 6.1)", "OpenJDK 25"),
                "0.52 / 0.80 / 1.10", "1.95 / 1.60 / 1.30",
                Duration.ofSeconds(31), new KafkaToolOutput.EndToEndLatency(0.64, 0, 3, 11),
                new KafkaToolOutput.ProducerPerformance(200_000, 76_000, 74.2, 310, 518, 301, 470, 501, 515),
                bare, registrations, null,
                new EndToEndMail.Result(step(200, 200, 40, 0), new Percentiles(4000, 18, 30, 45, 90), 0),
                new ReleaseNotifications.Result(200, 4, new Percentiles(800, 400, 900, 1100, 1200),
                        List.of(1150.0, 1200.0, 980.0, 1010.0), 0),
                null, null, agenda, idle, loaded, List.of("programme reads: gateway answered 503"));
    }
}
