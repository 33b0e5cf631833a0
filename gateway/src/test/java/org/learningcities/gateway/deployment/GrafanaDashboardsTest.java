package org.learningcities.gateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The dashboards Grafana is provisioned with, read through the compose mounts as the container would:
 * a dashboard that does not parse, points at a datasource Grafana does not have, or has a panel without a
 * query only shows up as an empty panel in production, so it is caught here.
 */
class GrafanaDashboardsTest {

    private static final int GRID_WIDTH = 24;

    private final MavenBuild build = MavenBuild.ofRepository();
    private final MonitoringFiles monitoring = new MonitoringFiles(build,
            ComposeFile.load(build.root().resolve("docker-compose.yml")));

    @Test
    void provisionsThePlatformHealthEventFlowAndConferenceDashboardsFromTheMountedDirectory() {
        assertThat(monitoring.dashboardProviderPaths()).as("Grafana dashboard file providers").hasSize(1);

        Map<String, JsonNode> dashboards = monitoring.dashboards();

        assertThat(dashboards.values()).extracting(dashboard -> MonitoringFiles.text(dashboard.path("title")))
                .containsExactlyInAnyOrder("Platform health", "Kafka and event flow", "Conference");
        assertThat(dashboards.values()).extracting(dashboard -> MonitoringFiles.text(dashboard.path("uid")))
                .doesNotContain("").doesNotHaveDuplicates();
    }

    @Test
    void queriesOnlyThePrometheusDatasourceGrafanaIsProvisionedWith() {
        String uid = monitoring.prometheusDatasourceUid();

        monitoring.dashboards().forEach((file, dashboard) -> {
            assertThat(MonitoringFiles.panels(dashboard)).as("panels of %s", file).isNotEmpty();
            for (JsonNode panel : MonitoringFiles.panels(dashboard)) {
                String title = file + " / " + MonitoringFiles.text(panel.path("title"));
                assertThat(MonitoringFiles.text(panel.path("datasource").path("uid"))).as("datasource of %s", title)
                        .isEqualTo(uid);
                assertThat(panel.path("targets").valueStream()).as("queries of %s", title).isNotEmpty()
                        .allSatisfy(target -> assertThat(MonitoringFiles.text(target.path("datasource").path("uid")))
                                .as("datasource of a query in %s", title).isEqualTo(uid));
            }
            for (JsonNode variable : MonitoringFiles.queryVariables(dashboard)) {
                assertThat(MonitoringFiles.text(variable.path("datasource").path("uid")))
                        .as("datasource of variable %s in %s", MonitoringFiles.text(variable.path("name")), file)
                        .isEqualTo(uid);
            }
        });
    }

    @Test
    void givesEveryPanelATitleAndAPromQlQueryThatReadsAMetric() {
        monitoring.dashboards().forEach((file, dashboard) -> {
            for (JsonNode panel : MonitoringFiles.panels(dashboard)) {
                String title = MonitoringFiles.text(panel.path("title"));
                assertThat(title).as("title of a panel in %s", file).isNotBlank();
                for (JsonNode target : panel.path("targets")) {
                    String expression = MonitoringFiles.text(target.path("expr"));
                    assertThat(expression).as("query %s of %s / %s", MonitoringFiles.text(target.path("refId")), file,
                            title).isNotBlank();
                    assertThat(PromQl.metricNames(expression)).as("metrics read by %s / %s", file, title).isNotEmpty();
                    assertThat(balanced(expression)).as("brackets of %s", expression).isTrue();
                }
            }
        });
    }

    @Test
    void laysPanelsOutOnTheGridWithoutOverlapping() {
        monitoring.dashboards().forEach((file, dashboard) -> {
            List<int[]> placed = new ArrayList<>();
            for (JsonNode panel : dashboard.path("panels")) {
                JsonNode grid = panel.path("gridPos");
                int[] box = {grid.path("x").asInt(-1), grid.path("y").asInt(-1), grid.path("w").asInt(0),
                        grid.path("h").asInt(0)};
                String title = file + " / " + MonitoringFiles.text(panel.path("title"));
                assertThat(box[0]).as("x of %s", title).isNotNegative();
                assertThat(box[1]).as("y of %s", title).isNotNegative();
                assertThat(box[2]).as("width of %s", title).isPositive();
                assertThat(box[3]).as("height of %s", title).isPositive();
                assertThat(box[0] + box[2]).as("right edge of %s", title).isLessThanOrEqualTo(GRID_WIDTH);
                assertThat(placed).as("panels %s overlaps", title).noneMatch(other -> overlap(box, other));
                placed.add(box);
            }
        });
    }

    @Test
    void describesEveryDashboardInTheOperationsRunbook() {
        Set<String> headings = Set.copyOf(monitoring.runbookHeadings());

        assertThat(monitoring.dashboards().values().stream()
                .map(dashboard -> MonitoringFiles.text(dashboard.path("title")))
                .collect(Collectors.toSet()))
                .isNotEmpty()
                .allSatisfy(title -> assertThat(headings).as("runbook headings").contains("Dashboard: " + title));
    }

    private static boolean overlap(int[] a, int[] b) {
        return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    }

    private static boolean balanced(String expression) {
        int depth = 0;
        for (char c : expression.toCharArray()) {
            depth += c == '(' || c == '{' || c == '[' ? 1 : c == ')' || c == '}' || c == ']' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
