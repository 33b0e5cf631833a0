package org.learningcities.performance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.learningcities.platform.DemoTokens;
import org.learningcities.platform.LocalPlatform;
import org.learningcities.platform.LocalPlatformOptions;
import org.learningcities.platform.PlatformService;

/**
 * Starts the whole local platform on free ports, measures it and its baselines one after the other, printing
 * figures as it goes, and writes {@code report.md} and {@code report.json}. Run by {@code bin/benchmark}; see
 * docs/performance.md for what each figure means.
 */
public final class BenchmarkMain {

    private final BenchmarkPlan plan;
    private final Path outputDirectory;
    private final Path repositoryRoot;
    private final List<String> failures = new ArrayList<>();

    private BenchmarkMain(BenchmarkPlan plan, Path outputDirectory, Path repositoryRoot) {
        this.plan = plan;
        this.outputDirectory = outputDirectory;
        this.repositoryRoot = repositoryRoot;
    }

    public static void main(String[] args) throws IOException {
        boolean quick = List.of(args).contains("--quick");
        Path root = Path.of(System.getProperty("benchmark.repository", ".")).toAbsolutePath().normalize();
        Path output = root.resolve("target").resolve("performance");
        new BenchmarkMain(quick ? BenchmarkPlan.quickSmoke() : BenchmarkPlan.full(), output, root).run();
    }

    private void run() throws IOException {
        Instant date = Instant.now();
        String loadBefore = Machine.loadAverage();
        Files.createDirectories(outputDirectory);
        System.out.printf("Starting the local platform (%s run) ...%n", plan.quick() ? "quick" : "full");
        try (LocalPlatform platform = LocalPlatform.start(LocalPlatformOptions.builder()
                .dataDirectory(outputDirectory.resolve("platform"))
                .fresh(true)
                .freePorts()
                .serviceJarDirectory(repositoryRoot.resolve("local-platform/target/services"))
                // The per-client and per-IP budgets would turn the load into 429s: this measures capacity.
                .environment(PlatformService.GATEWAY, "GATEWAY_RATELIMIT_ENABLED", "false")
                .build())) {
            System.out.printf("Platform ready in %s s%n",
                    Figures.oneDecimal(platform.startupDuration().toMillis() / 1000.0));
            BenchmarkResults results = measure(platform, date, loadBefore);
            Path markdown = outputDirectory.resolve("report.md");
            Files.writeString(markdown, MarkdownReport.render(results), StandardCharsets.UTF_8);
            Files.writeString(outputDirectory.resolve("report.json"), JsonReport.render(results),
                    StandardCharsets.UTF_8);
            System.out.println();
            Targets.judge(results).forEach(target -> System.out.printf("%s %s: %s (%s)%n",
                    target.reached() ? "[reached]" : "[missed] ", target.name(), target.measured(), target.goal()));
            System.out.println("Report: " + markdown + " (and report.json beside it)");
        }
    }

    private BenchmarkResults measure(LocalPlatform platform, Instant date, String loadBefore) {
        MailDeliveries mail = MailDeliveries.of(platform.mailServer());
        MemoryFootprint memory = new MemoryFootprint(platform);
        HttpClient http = OpenLoopLoad.newClient();
        OpenLoopLoad load = new OpenLoopLoad(http);
        GatewayApi api = new GatewayApi(platform.gatewayUrl(),
                new DemoTokens(platform.serviceUrl(PlatformService.AUTHORIZATION)));

        // Services finish warming their pools and caches in the seconds after they report ready.
        GatewayApi.sleep(plan.warmUp());
        Map<String, Long> idle = memory.snapshot();
        print("Memory at idle", idle);

        System.out.println("Kafka's own tools against the platform's broker ...");
        KafkaToolBaselines kafka = new KafkaToolBaselines(platform.kafkaBootstrapServers(), platform.logDirectory());
        KafkaToolOutput.EndToEndLatency kafkaLatency = attempt("Kafka EndToEndLatency",
                () -> kafka.endToEndLatency(plan.kafkaLatencyRecords()));
        System.out.println("  EndToEndLatency: " + kafkaLatency);
        KafkaToolOutput.ProducerPerformance kafkaProducer = attempt("Kafka ProducerPerformance",
                () -> kafka.producerPerformance(plan.kafkaProducerRecords()));
        System.out.println("  ProducerPerformance: " + kafkaProducer);

        RegistrationBurst burst = new RegistrationBurst(load, plan);
        System.out.println("Bare one-row insert endpoint ...");
        SteppedLoad bare = attempt("bare insert endpoint", () -> {
            try (BareInsertEndpoint endpoint = BareInsertEndpoint.start(platform, freePort(),
                    platform.logDirectory().resolve("bare-insert.log"))) {
                return burst.bare(endpoint.rowsUrl());
            }
        });

        System.out.println("Warming the platform up ...");
        attempt("platform warm-up", () -> {
            burst.warmUpPlatform(api, api.createConference("Warm-up", 1_000_000));
            return null;
        });
        mail.awaitQuiet(Duration.ofSeconds(3), Duration.ofMinutes(2));

        System.out.println("Registration burst through the gateway ...");
        SteppedLoad registrations = attempt("registration burst", () ->
                burst.throughGateway(api, api.createConference("Registration burst benchmark", 1_000_000)));
        Map<String, Long> afterBurst = memory.snapshot();
        System.out.println("Registrations straight to registration-service ...");
        SteppedLoad registrationsDirect = attempt("registrations direct", () -> burst.direct(
                platform.serviceUrl(PlatformService.REGISTRATION),
                api.createConference("Direct registration benchmark", 1_000_000)));
        // The burst leaves acknowledgements queued; the next measurement starts once they are out.
        mail.awaitQuiet(Duration.ofSeconds(3), Duration.ofMinutes(3));

        System.out.printf("Registration → e-mail at %d/s for %d s ...%n", plan.endToEndRate(),
                plan.endToEndDuration().toSeconds());
        EndToEndMail.Result endToEnd = attempt("registration to e-mail", () -> new EndToEndMail(load, mail, plan)
                .run(api, api.createConference("End-to-end benchmark", 1_000_000)));
        if (endToEnd != null) {
            System.out.println("  registrations: " + endToEnd.registrations().summary());
            System.out.println("  201 → e-mail accepted: " + endToEnd.mailLatency() + ", missing "
                    + endToEnd.missing());
        }
        mail.awaitQuiet(Duration.ofSeconds(3), Duration.ofMinutes(2));

        System.out.printf("Schedule release → notifications to %d approved delegates ...%n", plan.releaseDelegates());
        ReleaseNotifications releases = new ReleaseNotifications(mail, plan);
        ReleaseNotifications.Programme programme = attempt("programme release", () -> releases.releaseProgramme(api));
        Set<String> delegates = programme == null ? null
                : attempt("approving delegates", () -> releases.approveDelegates(api, programme.conference()));
        ReleaseNotifications.Result release = delegates == null ? null
                : attempt("release notifications", () -> releases.run(api, programme, delegates));
        if (release != null) {
            System.out.println("  per notification: " + release.perNotification());
        }

        ReadLoad reads = new ReadLoad(load, plan);
        SteppedLoad programmeReads = null;
        SteppedLoad programmeReadsDirect = null;
        SteppedLoad agendaReads = null;
        if (programme != null) {
            System.out.println("Programme reads through the gateway ...");
            programmeReads = attempt("programme reads", () -> reads.programme(api, programme.conference()));
            System.out.println("Programme reads straight to agenda-service ...");
            programmeReadsDirect = attempt("programme reads direct", () -> reads.programmeDirect(
                    platform.serviceUrl(PlatformService.AGENDA), programme.conference()));
            System.out.println("Personal-agenda reads through the gateway ...");
            agendaReads = attempt("agenda reads", () -> reads.personalAgenda(api, programme.conference()));
        }
        Map<String, Long> loaded = larger(afterBurst, memory.snapshot());
        print("Memory after load", loaded);

        return new BenchmarkResults(date, System.getProperty("benchmark.commit", "unknown"), plan.quick(),
                Machine.current(), loadBefore, Machine.loadAverage(), platform.startupDuration(), kafkaLatency,
                kafkaProducer, bare, registrations, registrationsDirect, endToEnd, release, programmeReads,
                programmeReadsDirect, agendaReads, idle, loaded, failures);
    }

    /** Runs one measurement; a failure is reported and the run goes on with the next. */
    private <T> T attempt(String measurement, Supplier<T> measure) {
        try {
            return measure.get();
        } catch (RuntimeException e) {
            failures.add(measurement + ": " + e.getMessage());
            System.out.println("  " + measurement + " FAILED: " + e);
            e.printStackTrace(System.out);
            return null;
        }
    }

    /** Per process, the larger of two snapshots: memory after the burst and after the reads. */
    private static Map<String, Long> larger(Map<String, Long> first, Map<String, Long> second) {
        Map<String, Long> larger = new LinkedHashMap<>(first);
        second.forEach((process, bytes) -> larger.merge(process, bytes, Math::max));
        return larger;
    }

    private static void print(String title, Map<String, Long> memory) {
        System.out.println(title + " (MiB, Pss):");
        memory.forEach((process, bytes) -> System.out.printf("  %-55s %6s%n", process, Figures.mebibytes(bytes)));
        System.out.printf("  %-55s %6s%n", "platform total", Figures.mebibytes(BenchmarkResults.platformTotal(memory)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
