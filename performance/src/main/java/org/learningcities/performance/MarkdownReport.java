package org.learningcities.performance;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The run as Markdown: machine, targets, then each measurement with what it means. */
final class MarkdownReport {

    private final StringBuilder out = new StringBuilder();

    private MarkdownReport() {
    }

    static String render(BenchmarkResults results) {
        return new MarkdownReport().write(results);
    }

    private String write(BenchmarkResults results) {
        line("# Performance report");
        line();
        line("- Date: " + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(results.date().atOffset(ZoneOffset.UTC)
                .withNano(0)) + " UTC" + (results.quick() ? " — **quick smoke run (`--quick`): short steps, "
                + "figures only indicative**" : ""));
        line("- Commit: " + results.commit());
        Machine machine = results.machine();
        line("- Machine: %d cores, %s MiB RAM, %s; %s; %s".formatted(machine.cores(),
                Figures.mebibytes(machine.memoryBytes()), machine.cpuModel(), machine.operatingSystem(),
                machine.jdk()));
        line("- Load average (1 / 5 / 15 min) before the run: %s; after: %s (above %d, other work shared the cores)"
                .formatted(results.loadBefore(), results.loadAfter(), machine.cores()));
        line("- Platform start-up: %s s (everything on this machine: Kafka, PostgreSQL, SMTP, the services, the "
                .formatted(Figures.oneDecimal(results.platformStartup().toMillis() / 1000.0))
                + "gateway, and this harness generating the load)");
        for (String failure : results.failures()) {
            line("- **Failed:** " + failure);
        }
        line();
        line("## Targets");
        line();
        line("| target | goal | measured | reached |");
        line("|---|---|---|---|");
        for (Targets.Target target : Targets.judge(results)) {
            line("| %s | %s | %s | %s |".formatted(target.name(), target.goal(), target.measured(),
                    target.reached() ? "yes" : "**no**"));
        }
        line();
        kafka(results);
        stepped("Bare one-row insert endpoint (baseline)", results.bareInsert(),
                "Spring MVC + JDBC, one INSERT per request, own database in the platform's PostgreSQL, same JVM "
                        + "options as the services; called directly, not through the gateway.");
        stepped("Registration burst through the gateway", results.registrations(),
                "Anonymous POST /api/conferences/{c}/registrations, unique e-mail and Idempotency-Key each.");
        stepped("Registrations straight to registration-service (comparison)", results.registrationsDirect(),
                "The same registrations sent to the service's own port: the difference to the figures above is what "
                        + "the gateway adds.");
        endToEnd(results.endToEndMail());
        release(results.releaseNotifications());
        stepped("Released programme reads through the gateway", results.programmeReads(),
                "GET /api/conferences/{c}/sessions without a token.");
        stepped("Released programme reads straight to agenda-service (comparison)", results.programmeReadsDirect(),
                "The same reads sent to the service's own port: the difference is what the gateway adds.");
        stepped("Personal-agenda reads through the gateway", results.agendaReads(),
                "GET /api/conferences/{c}/agendas/{registrationId} with the delegate's own token; one delegate's "
                        + "agenda, read over and over.");
        memory(results);
        line("## The load generator");
        line();
        line("The harness shares the machine's cores with the platform it measures. Each step lists its own CPU "
                + "use (in cores: 1.0 is one core busy for the whole step) and how late it started requests "
                + "against the open-loop schedule. Latencies run from each request's intended start, so a late "
                + "start counts against the platform's figure rather than hiding it; when the late-start p99 is "
                + "a large part of a step's p99, the generator, not the platform, limited that step.");
        return out.toString();
    }

    private void kafka(BenchmarkResults results) {
        line("## Kafka's own tools against the platform's broker (baseline)");
        line();
        KafkaToolOutput.EndToEndLatency latency = results.kafkaLatency();
        if (latency == null) {
            line("Not measured.");
        } else {
            line("- EndToEndLatency (1 KiB, acks=all, one record at a time, produced and consumed back): average "
                    + "%s ms, p50 %d ms, p99 %d ms, p99.9 %d ms (whole milliseconds, truncated by the tool)"
                    .formatted(Figures.millis(latency.averageMillis()), latency.p50Millis(), latency.p99Millis(),
                            latency.p999Millis()));
        }
        KafkaToolOutput.ProducerPerformance producer = results.kafkaProducer();
        if (producer != null) {
            line("- ProducerPerformance (1 KiB, acks=all, one partition, unthrottled): %s records/s (%s MB/s); "
                    .formatted(Figures.rate(producer.recordsPerSecond()),
                            Figures.oneDecimal(producer.mebibytesPerSecond()))
                    + "send to acknowledgement average %s ms, p50 %d ms, p95 %d ms, p99 %d ms, max %s ms"
                    .formatted(Figures.millis(producer.averageMillis()), producer.p50Millis(), producer.p95Millis(),
                            producer.p99Millis(), Figures.millis(producer.maxMillis())));
        }
        line();
    }

    private void stepped(String title, SteppedLoad load, String what) {
        line("## " + title);
        line();
        line(what);
        line();
        if (load == null) {
            line("Not measured.");
            line();
            return;
        }
        line("Sustained: **%s/s** (the highest step with no errors, p99 < %s ms and at least %s%% of the rate "
                .formatted(Figures.rate(load.sustainedRate()), Figures.millis(load.rule().p99LimitMillis()),
                        Figures.rate(load.rule().minimumAchievedShare() * 100))
                + "achieved; stepping stops at the first step that misses).");
        line();
        line("| rate/s | achieved/s | p50 ms | p95 ms | p99 ms | max ms | errors | late start p99 ms "
                + "| harness CPU (cores) | sustained |");
        line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (StepResult step : load.steps()) {
            line("| %s | %s | %s | %s | %s | %s | %d | %s | %s | %s |".formatted(Figures.rate(step.targetRate()),
                    Figures.rate(step.achievedRate()), Figures.millis(step.latency().p50()),
                    Figures.millis(step.latency().p95()), Figures.millis(step.latency().p99()),
                    Figures.millis(step.latency().max()), step.errors(), Figures.millis(step.startLateness().p99()),
                    Figures.oneDecimal(step.harnessCores()),
                    load.rule().sustained(step) ? "yes" : "no: " + load.rule().shortfall(step)));
        }
        load.steps().stream().filter(step -> !step.errorKinds().isEmpty()).reduce((first, last) -> last)
                .ifPresent(step -> {
                    line();
                    line("Errors at %s/s: %s".formatted(Figures.rate(step.targetRate()),
                            String.join("; ", step.errorKinds())));
                });
        line();
    }

    private void endToEnd(EndToEndMail.Result mail) {
        line("## Registration → acknowledgement e-mail");
        line();
        line("From the 201 of a registration (as the harness received it) to the SMTP server accepting that "
                + "registration's acknowledgement: outbox, relay, Kafka, notification-service and the SMTP send.");
        line();
        if (mail == null) {
            line("Not measured.");
        } else {
            line("- Registrations: " + mail.registrations().summary());
            line("- 201 → e-mail accepted: " + mail.mailLatency() + (mail.missing() > 0
                    ? "; **%d e-mails missing** a minute after the last".formatted(mail.missing()) : ""));
        }
        line();
    }

    private void release(ReleaseNotifications.Result release) {
        line("## Schedule release → affected delegates' e-mails");
        line();
        line("A plenary (on every approved delegate's agenda) is moved and the change released; from the "
                + "release's 201 to each delegate's `schedule-changed` digest accepted by the SMTP server.");
        line();
        if (release == null) {
            line("Not measured.");
        } else {
            line("- %d approved delegates, %d releases".formatted(release.delegates(), release.rounds()));
            line("- Per notification: " + release.perNotification());
            line("- Release → last notification, per release: " + release.timeToLastMillis().stream()
                    .map(Figures::millis).map(millis -> millis + " ms").toList());
            if (release.missing() > 0) {
                line("- **%d digests missing** after two minutes".formatted(release.missing()));
            }
        }
        line();
    }

    private void memory(BenchmarkResults results) {
        line("## Memory");
        line();
        line("Proportional set size (Pss) from /proc: shared pages are split among the processes sharing them, so "
                + "the rows add up to the platform's total.");
        line();
        Map<String, Long> idle = results.memoryIdle();
        Map<String, Long> loaded = results.memoryLoaded();
        if (idle == null) {
            line("Not measured.");
            line();
            return;
        }
        line("| process | idle MiB | after load MiB |");
        line("|---|---:|---:|");
        for (String process : idle.keySet()) {
            line("| %s | %s | %s |".formatted(process, Figures.mebibytes(idle.get(process)),
                    loaded == null ? "–" : Figures.mebibytes(loaded.getOrDefault(process, 0L))));
        }
        line("| **platform total** | **%s** | **%s** |".formatted(
                Figures.mebibytes(BenchmarkResults.platformTotal(idle)),
                loaded == null ? "–" : Figures.mebibytes(BenchmarkResults.platformTotal(loaded))));
        line();
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }
}
