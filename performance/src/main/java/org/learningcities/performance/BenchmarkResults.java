package org.learningcities.performance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured. A measurement that failed is null, and {@link #failures} says why; the report
 * shows the rest.
 *
 * @param loadBefore   the machine's load averages before the platform started ({@link Machine#loadAverage()})
 * @param loadAfter    and after the last measurement
 * @param registrationsDirect  the registration load straight to registration-service, for comparison
 * @param programmeReadsDirect the programme reads straight to agenda-service, for comparison
 * @param memoryIdle   resident bytes per process after start, before any load
 * @param memoryLoaded resident bytes per process right after the heaviest load (the read steps)
 */
record BenchmarkResults(Instant date, String commit, boolean quick, Machine machine, String loadBefore,
                        String loadAfter, Duration platformStartup,
                        KafkaToolOutput.EndToEndLatency kafkaLatency, KafkaToolOutput.ProducerPerformance kafkaProducer,
                        SteppedLoad bareInsert, SteppedLoad registrations, SteppedLoad registrationsDirect,
                        EndToEndMail.Result endToEndMail, ReleaseNotifications.Result releaseNotifications,
                        SteppedLoad programmeReads, SteppedLoad programmeReadsDirect, SteppedLoad agendaReads,
                        Map<String, Long> memoryIdle, Map<String, Long> memoryLoaded, List<String> failures) {

    /** The platform's footprint: the sum over its processes (the bare endpoint is not among them). */
    static long platformTotal(Map<String, Long> memory) {
        return memory == null ? 0 : memory.values().stream().mapToLong(Long::longValue).sum();
    }
}
