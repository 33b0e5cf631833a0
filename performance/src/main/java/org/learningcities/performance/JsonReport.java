package org.learningcities.performance;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The run as JSON, for comparing runs by script: the same figures as the Markdown report, in milliseconds. */
final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    static String render(BenchmarkResults results) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", results.date().toString());
        report.put("commit", results.commit());
        report.put("quick", results.quick());
        report.put("machine", results.machine());
        report.put("loadAverageBefore", results.loadBefore());
        report.put("loadAverageAfter", results.loadAfter());
        report.put("platformStartupMillis", results.platformStartup().toMillis());
        report.put("targets", Targets.judge(results));
        report.put("kafkaEndToEndLatency", results.kafkaLatency());
        report.put("kafkaProducerPerformance", results.kafkaProducer());
        report.put("bareInsert", results.bareInsert());
        report.put("registrations", results.registrations());
        report.put("registrationsDirect", results.registrationsDirect());
        report.put("registrationToEmail", results.endToEndMail());
        report.put("releaseNotifications", results.releaseNotifications());
        report.put("programmeReads", results.programmeReads());
        report.put("programmeReadsDirect", results.programmeReadsDirect());
        report.put("agendaReads", results.agendaReads());
        report.put("memoryIdleBytes", results.memoryIdle());
        report.put("memoryAfterLoadBytes", results.memoryLoaded());
        report.put("platformMemoryIdleBytes", BenchmarkResults.platformTotal(results.memoryIdle()));
        report.put("platformMemoryAfterLoadBytes", BenchmarkResults.platformTotal(results.memoryLoaded()));
        report.put("failures", results.failures());
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the JSON report", e);
        }
    }
}
