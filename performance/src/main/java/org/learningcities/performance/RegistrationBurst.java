package org.learningcities.performance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Registrations at rising open-loop rates until a step is not sustained (an error, p99 at or over 100 ms, or the
 * answers falling behind the schedule): through the gateway, anonymously, each with its own e-mail address and
 * Idempotency-Key; and the same stepping against the bare one-row-insert endpoint, for the ratio.
 */
final class RegistrationBurst {

    static final SteppingRule RULE = SteppingRule.p99Under(100);
    private static final int PLATFORM_WARM_UP_RATE = 20;

    private final OpenLoopLoad load;
    private final BenchmarkPlan plan;
    private final AtomicLong addresses = new AtomicLong();
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    RegistrationBurst(OpenLoopLoad load, BenchmarkPlan plan) {
        this.load = load;
        this.plan = plan;
    }

    /**
     * Registrations through the gateway at a modest rate, before anything is measured: every JVM of the platform
     * (the broker's C2 compiler above all) compiles its hot paths in the first minute of load, and a measurement
     * taken then would show the warm-up rather than the platform.
     */
    void warmUpPlatform(GatewayApi api, String conference) {
        System.out.printf("  platform warm-up %s%n", load.run(PLATFORM_WARM_UP_RATE, plan.platformWarmUp(), 201,
                index -> api.registrationRequest(conference, nextAddress(), null)).summary());
    }

    SteppedLoad throughGateway(GatewayApi api, String conference) {
        SteppedLoad steps = stepped("registrations via gateway", plan.registrationRates(),
                index -> api.registrationRequest(conference, nextAddress(), null));
        api.awaitRecovered("/api/conferences/" + conference + "/registrations", api.secretariat());
        return steps;
    }

    /** The same load straight to registration-service: what the gateway adds, by difference. */
    SteppedLoad direct(URI registrationService, String conference) {
        return stepped("registrations direct", plan.registrationRates(),
                index -> GatewayApi.registrationRequest(registrationService, conference, nextAddress(), null));
    }

    SteppedLoad bare(URI rows) {
        return stepped("bare insert", plan.bareRates(), index -> HttpRequest.newBuilder(rows)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(GatewayApi.registrationBody(nextAddress()),
                        StandardCharsets.UTF_8)));
    }

    private SteppedLoad stepped(String name, List<Integer> rates,
                                IntFunction<HttpRequest.Builder> request) {
        int warmUpRate = rates.getFirst() / 5;
        System.out.printf("  %s warm-up %s%n", name, load.run(warmUpRate, plan.warmUp(), 201, request).summary());
        return SteppedLoad.run(name, rates, RULE, rate -> {
            GatewayApi.sleep(plan.pauseBetweenSteps());
            return load.run(rate, plan.step(), 201, request);
        });
    }

    private String nextAddress() {
        return "burst-" + run + "-" + addresses.incrementAndGet() + "@perf.example";
    }
}
