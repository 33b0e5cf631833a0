package org.learningcities.performance;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registrations at a fixed rate through the gateway, each timed from its 201 (as the harness received it) to the
 * moment the SMTP server accepted that registration's acknowledgement e-mail: outbox, relay, Kafka, the
 * notification-service consumer, its dispatcher and the SMTP send.
 */
final class EndToEndMail {

    static final String ACKNOWLEDGEMENT_SUBJECT = "We received your registration";
    private static final Duration STRAGGLERS = Duration.ofSeconds(60);

    /**
     * @param registrations the HTTP step that made the registrations
     * @param mailLatency   201 to e-mail accepted, per registration whose e-mail arrived
     * @param missing       registrations answered 201 whose e-mail had not arrived a minute after the last one
     */
    record Result(StepResult registrations, Percentiles mailLatency, long missing) {
    }

    private final OpenLoopLoad load;
    private final MailDeliveries mail;
    private final BenchmarkPlan plan;

    EndToEndMail(OpenLoopLoad load, MailDeliveries mail, BenchmarkPlan plan) {
        this.load = load;
        this.mail = mail;
        this.plan = plan;
    }

    Result run(GatewayApi api, String conference) {
        String run = Long.toString(System.currentTimeMillis(), 36);
        Map<String, Instant> answeredAt = new ConcurrentHashMap<>();
        Map<String, Instant> acceptedAt = new ConcurrentHashMap<>();
        mail.listen(delivery -> {
            if (delivery.subject().startsWith(ACKNOWLEDGEMENT_SUBJECT)
                    && delivery.recipient().startsWith("e2e-" + run + "-")) {
                acceptedAt.putIfAbsent(delivery.recipient(), delivery.acceptedAt());
            }
        });
        try {
            StepResult registrations = load.run(plan.endToEndRate(), plan.endToEndDuration(), 201,
                    index -> api.registrationRequest(conference, address(run, index), null),
                    (index, response) -> answeredAt.put(address(run, index), Instant.now()));
            long deadline = System.nanoTime() + STRAGGLERS.toNanos();
            while (!acceptedAt.keySet().containsAll(answeredAt.keySet()) && System.nanoTime() < deadline) {
                GatewayApi.sleep(Duration.ofMillis(200));
            }
            LatencyHistogram latency = new LatencyHistogram();
            long missing = 0;
            for (Map.Entry<String, Instant> answer : answeredAt.entrySet()) {
                Instant accepted = acceptedAt.get(answer.getKey());
                if (accepted == null) {
                    missing++;
                } else {
                    // The e-mail can beat the 201 to the harness by a hair: both follow the same commit.
                    latency.record(Duration.between(answer.getValue(), accepted));
                }
            }
            return new Result(registrations, latency.percentiles(), missing);
        } finally {
            mail.stopListening();
        }
    }

    private static String address(String run, int index) {
        return "e2e-" + run + "-" + index + "@perf.example";
    }
}
