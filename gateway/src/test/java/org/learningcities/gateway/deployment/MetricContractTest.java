package org.learningcities.gateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Dashboards and alerts read metrics by name, and a name that no process exports gives an empty panel or
 * an alert that can never fire, silently. The names live in one list, deploy/prometheus/exported-metrics.txt:
 * here the dashboards and rules are held to it; the end-to-end tests hold the running processes to it.
 */
class MetricContractTest {

    // Written by Prometheus itself for every scrape target, so on no process's list.
    private static final Set<String> PROMETHEUS_SERIES = Set.of("up");

    private final MavenBuild build = MavenBuild.ofRepository();
    private final MonitoringFiles monitoring = new MonitoringFiles(build,
            ComposeFile.load(build.root().resolve("docker-compose.yml")));

    @Test
    void dashboardsAndAlertRulesReadOnlyMetricsOnTheExportedList() {
        Set<String> exported = Set.copyOf(monitoring.exportedMetrics());

        readers().forEach((metric, reader) -> assertThat(exported)
                .as("%s reads %s, which is not in %s", reader, metric, MonitoringFiles.EXPORTED_METRICS)
                .contains(metric));
    }

    @Test
    void listsOnlyMetricsADashboardOrAnAlertReadsEachOnce() {
        assertThat(monitoring.exportedMetrics()).isNotEmpty()
                .doesNotHaveDuplicates()
                .allSatisfy(metric -> assertThat(metric).as("a Prometheus metric name").matches("[a-z_][a-z0-9_]*"));

        assertThat(readers().keySet()).as("metrics read by dashboards and alerts")
                .containsAll(monitoring.exportedMetrics());
    }

    @Test
    void readsMetricNamesOutOfPromQlAsPromQlDoes() {
        assertThat(PromQl.metricNames("""
                histogram_quantile(0.95, sum by (job, le) (rate(a_seconds_bucket{uri!~"/x.*", job="b_total"}[$__rate_interval])))
                / on (job) group_left (uri) max without (instance) (b_metric offset 10m) > 1e3
                or sum(c:recorded) by (topic) unless d_gauge and bool_like
                """)).containsExactlyInAnyOrder("a_seconds_bucket", "b_metric", "c:recorded", "d_gauge", "bool_like");
        assertThat(PromQl.metricNamesOfVariableQuery("label_values(platform_registrations, conference)"))
                .containsExactly("platform_registrations");
    }

    /** Every metric read, with one of the places reading it. */
    private Map<String, String> readers() {
        Map<String, String> readers = new TreeMap<>();
        monitoring.dashboards().forEach((file, dashboard) -> {
            for (JsonNode panel : MonitoringFiles.panels(dashboard)) {
                String place = "dashboard " + file + ", panel " + MonitoringFiles.text(panel.path("title"));
                panel.path("targets").forEach(target -> PromQl.metricNames(MonitoringFiles.text(target.path("expr")))
                        .forEach(metric -> readers.putIfAbsent(metric, place)));
            }
            for (JsonNode variable : MonitoringFiles.queryVariables(dashboard)) {
                PromQl.metricNamesOfVariableQuery(MonitoringFiles.variableQuery(variable)).forEach(metric ->
                        readers.putIfAbsent(metric, "dashboard " + file + ", variable "
                                + MonitoringFiles.text(variable.path("name"))));
            }
        });
        monitoring.alertRules().forEach(rule -> PromQl.metricNames(String.valueOf(rule.get("expr")))
                .forEach(metric -> readers.putIfAbsent(metric, "alert " + rule.get("alert"))));
        PROMETHEUS_SERIES.forEach(readers::remove);
        return readers;
    }
}
