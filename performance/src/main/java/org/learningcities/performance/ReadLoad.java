package org.learningcities.performance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Reads through the gateway at rising rates: the released programme without a token, and one delegate's personal
 * agenda with that delegate's own token (the demo user {@code delegate}, who registers in the conference and is
 * approved). Reading the same agenda over and over keeps it in every cache there is; a venue's crowd would read
 * many different ones.
 */
final class ReadLoad {

    static final SteppingRule RULE = SteppingRule.p99Under(50);

    private final OpenLoopLoad load;
    private final BenchmarkPlan plan;

    ReadLoad(OpenLoopLoad load, BenchmarkPlan plan) {
        this.load = load;
        this.plan = plan;
    }

    SteppedLoad programme(GatewayApi api, String conference) {
        String path = "/api/conferences/" + conference + "/sessions";
        api.awaitOk(path, null);
        SteppedLoad steps = stepped("programme reads", index -> api.request(path, null).GET());
        api.awaitRecovered(path, null);
        return steps;
    }

    /** The same reads straight to agenda-service: what the gateway adds, by difference. */
    SteppedLoad programmeDirect(URI agendaService, String conference) {
        URI sessions = agendaService.resolve("/api/conferences/" + conference + "/sessions");
        return stepped("programme reads direct", index -> HttpRequest.newBuilder(sessions).GET());
    }

    SteppedLoad personalAgenda(GatewayApi api, String conference) {
        String delegate = api.bearerOf("delegate");
        String registration = api.register(conference, "agenda-reader-" + UUID.randomUUID() + "@perf.example",
                delegate);
        api.approve(registration);
        String path = "/api/conferences/" + conference + "/agendas/" + registration;
        // agenda-service learns of the approval and of the account link through Kafka.
        api.awaitOk(path, delegate);
        SteppedLoad steps = stepped("agenda reads", index -> api.request(path, delegate).GET());
        api.awaitRecovered(path, delegate);
        return steps;
    }

    private SteppedLoad stepped(String name, IntFunction<HttpRequest.Builder> request) {
        System.out.printf("  %s warm-up %s%n", name,
                load.run(plan.readRates().getFirst() / 5.0, plan.warmUp(), 200, request).summary());
        return SteppedLoad.run(name, plan.readRates(), RULE, rate -> {
            GatewayApi.sleep(plan.pauseBetweenSteps());
            return load.run(rate, plan.step(), 200, request);
        });
    }
}
