package org.learningcities.platform;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/** What the launcher prints once everything is up: where to find each part of the platform. */
final class StartupReport {

    private StartupReport() {
    }

    static String of(LocalPlatform platform, Duration sinceLauncherStart) {
        LocalPlatformOptions options = platform.options();
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%nLocal platform ready %.1f s after the launcher started; "
                        + "memory of the launcher and all its processes: %d MiB resident%n%n",
                sinceLauncherStart.toMillis() / 1000.0, platform.residentMemoryBytes() / (1024 * 1024)));
        if (options.services().contains(PlatformService.GATEWAY)) {
            line(report, "gateway", platform.gatewayUrl() + "   (the entry point for front ends and partners)");
            line(report, "", "API docs " + platform.gatewayUrl() + "/swagger-ui.html   OpenAPI (every service) "
                    + platform.gatewayUrl() + "/v3/api-docs/platform");
            line(report, "", "metrics http://localhost:" + options.gatewayManagementPort() + "/actuator/prometheus"
                    + "   AsyncAPI " + platform.gatewayUrl() + "/asyncapi.yaml");
        }
        if (options.services().contains(PlatformService.AUTHORIZATION)) {
            line(report, "authorization-server", platform.serviceUrl(PlatformService.AUTHORIZATION)
                    + "   tokens: bin/token secretariat (any demo user: docs/authentication.md)");
        }
        Arrays.stream(PlatformService.values())
                .filter(service -> service != PlatformService.GATEWAY && service != PlatformService.AUTHORIZATION
                        && options.services().contains(service))
                .forEach(service -> {
                    String url = platform.serviceUrl(service).toString();
                    line(report, service.moduleName(), url + "   API docs " + url + "/swagger-ui.html   OpenAPI " + url + "/v3/api-docs");
                });
        line(report, "Kafka", platform.kafkaBootstrapServers());
        String postgresLabel = "PostgreSQL";
        for (PlatformService service : PlatformService.values()) {
            if (service.database().isPresent()) {
                line(report, postgresLabel, platform.jdbcUrl(service));
                postgresLabel = "";
            }
        }
        line(report, "", "(user " + PostgresServer.USERNAME + ", password " + PostgresServer.PASSWORD + ")");
        line(report, "SMTP", "localhost:" + options.smtpPort());
        line(report, "IMAP", "localhost:" + options.imapPort()
                + "   read the mail sent: log in as the recipient's address, any password");
        line(report, "SMS sink", platform.smsSink().url() + "   texts sent in " + platform.smsSink().messagesFile());
        line(report, "Data", platform.dataDirectory() + "   logs in " + platform.logDirectory());
        report.append(String.format("%nPress Ctrl-C to stop everything.%n"));
        return report.toString();
    }

    private static void line(StringBuilder report, String label, String text) {
        report.append(String.format("  %-24s %s%n", label, text));
    }
}
