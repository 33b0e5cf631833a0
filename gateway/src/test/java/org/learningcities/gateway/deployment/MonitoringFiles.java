package org.learningcities.gateway.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring set-up as the Prometheus and Grafana containers of docker-compose.yml see it: every
 * file is found through the compose mounts and the provisioning that points at them, so a file that
 * exists in the repository but is not mounted is not found here either.
 */
final class MonitoringFiles {

    static final String EXPORTED_METRICS = "deploy/prometheus/exported-metrics.txt";
    static final String RUNBOOK = "docs/operations-runbook.md";
    private static final String PROMETHEUS_CONFIG = "/etc/prometheus/prometheus.yml";
    private static final String GRAFANA_PROVISIONING = "/etc/grafana/provisioning";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    // Shell comments in code blocks start with "#" too, and are no headings.
    private static final Pattern CODE_BLOCK = Pattern.compile("(?ms)^```.*?^```");

    private final MavenBuild build;
    private final ComposeFile compose;

    MonitoringFiles(MavenBuild build, ComposeFile compose) {
        this.build = build;
        this.compose = compose;
    }

    String prometheusService() {
        return compose.servicesRunningImage("prom/prometheus:").getFirst();
    }

    String grafanaService() {
        return compose.servicesRunningImage("grafana/grafana:").getFirst();
    }

    Map<String, Object> prometheusConfig() {
        return ComposeFile.readYaml(compose.mountedAt(prometheusService(), PROMETHEUS_CONFIG).orElseThrow(
                () -> new AssertionError("compose mounts no " + PROMETHEUS_CONFIG)));
    }

    /** Each rule_files entry of prometheus.yml, as Prometheus resolves it (against the config's directory). */
    List<String> ruleFilesInContainer() {
        Path configDirectory = Path.of(PROMETHEUS_CONFIG).getParent();
        return ComposeFile.list(prometheusConfig().get("rule_files")).stream()
                .map(String::valueOf)
                .map(file -> configDirectory.resolve(file).normalize().toString())
                .toList();
    }

    /** The host file compose mounts at a path inside the Prometheus container. */
    Path prometheusMount(String containerPath) {
        return compose.mountedAt(prometheusService(), containerPath)
                .orElseThrow(() -> new AssertionError("compose mounts nothing at " + containerPath + " for Prometheus"));
    }

    /** Every alerting rule of every rule file Prometheus loads. */
    List<Map<String, Object>> alertRules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (String file : ruleFilesInContainer()) {
            ComposeFile.maps(ComposeFile.readYaml(prometheusMount(file)).get("groups"))
                    .flatMap(group -> ComposeFile.maps(group.get("rules")))
                    .filter(rule -> rule.containsKey("alert"))
                    .forEach(rules::add);
        }
        return rules;
    }

    Path grafanaProvisioning() {
        return compose.mountedAt(grafanaService(), GRAFANA_PROVISIONING)
                .orElseThrow(() -> new AssertionError("compose mounts no " + GRAFANA_PROVISIONING));
    }

    /** The uid of the Prometheus datasource Grafana is provisioned with. */
    String prometheusDatasourceUid() {
        return yamlFiles(grafanaProvisioning().resolve("datasources"))
                .flatMap(file -> ComposeFile.maps(ComposeFile.readYaml(file).get("datasources")))
                .filter(datasource -> "prometheus".equals(datasource.get("type")))
                .map(datasource -> String.valueOf(datasource.get("uid")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Prometheus datasource provisioned"));
    }

    /** The container directories Grafana's file providers load dashboards from. */
    List<String> dashboardProviderPaths() {
        return yamlFiles(grafanaProvisioning().resolve("dashboards"))
                .flatMap(file -> ComposeFile.maps(ComposeFile.readYaml(file).get("providers")))
                .filter(provider -> "file".equals(provider.get("type")))
                .map(provider -> String.valueOf(ComposeFile.map(provider.get("options")).get("path")))
                .toList();
    }

    /** Every dashboard file Grafana loads, parsed, by file name. */
    Map<String, JsonNode> dashboards() {
        Map<String, JsonNode> dashboards = new TreeMap<>();
        for (String containerPath : dashboardProviderPaths()) {
            Path directory = compose.mountedAt(grafanaService(), containerPath)
                    .orElseThrow(() -> new AssertionError("compose mounts nothing at " + containerPath + " for Grafana"));
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(file -> file.toString().endsWith(".json")).sorted().toList()) {
                    dashboards.put(file.getFileName().toString(), parse(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dashboards;
    }

    private static JsonNode parse(Path dashboard) throws IOException {
        try {
            return JSON.readTree(Files.readString(dashboard));
        } catch (JacksonException e) {
            throw new AssertionError(dashboard.getFileName() + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The panels of a dashboard, those nested in collapsed rows included, rows themselves excluded. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(text(panel.path("type")))) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    /** The query variables of a dashboard's templating. */
    static List<JsonNode> queryVariables(JsonNode dashboard) {
        return dashboard.path("templating").path("list").valueStream()
                .filter(variable -> "query".equals(text(variable.path("type"))))
                .toList();
    }

    /** A query variable's PromQL: Grafana stores it either as a string or as {query, refId}. */
    static String variableQuery(JsonNode variable) {
        JsonNode query = variable.path("query");
        return text(query.isObject() ? query.path("query") : query);
    }

    /** A JSON string's value, empty for anything else (missing, null, a number). */
    static String text(JsonNode node) {
        return node.isString() ? node.stringValue() : "";
    }

    /** The metric names of the exported-metrics list: one a line, "#" starts a comment. */
    List<String> exportedMetrics() {
        try {
            return Files.readAllLines(build.root().resolve(EXPORTED_METRICS)).stream()
                    .map(line -> line.replaceAll("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String runbook() {
        try {
            return Files.readString(build.root().resolve(RUNBOOK));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The runbook's headings. */
    List<String> runbookHeadings() {
        return HEADING.matcher(CODE_BLOCK.matcher(runbook()).replaceAll("")).results()
                .map(heading -> heading.group(1))
                .toList();
    }

    /** The anchors GitHub and most Markdown renderers give the runbook's headings. */
    Set<String> runbookAnchors() {
        return runbookHeadings().stream().map(MonitoringFiles::anchor).collect(Collectors.toSet());
    }

    static String anchor(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    private static Stream<Path> yamlFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().matches(".*\\.ya?ml$")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
