package org.learningcities.gateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The alert rules Prometheus loads, found through prometheus.yml's rule_files and the compose mounts:
 * every alert must wait out blips, say how urgent it is and what happened, and lead to the runbook
 * section that says what to do.
 */
class PrometheusAlertRulesTest {

    private static final Set<String> SEVERITIES = Set.of("critical", "warning");
    private static final String DURATION = "\\d+[smhdw]";

    private final MavenBuild build = MavenBuild.ofRepository();
    private final MonitoringFiles monitoring = new MonitoringFiles(build,
            ComposeFile.load(build.root().resolve("docker-compose.yml")));

    @Test
    void loadsTheAlertRuleFilesThatComposeMountsBesideTheConfiguration() {
        List<String> ruleFiles = monitoring.ruleFilesInContainer();

        assertThat(ruleFiles).as("rule_files of prometheus.yml").isNotEmpty();
        assertThat(ruleFiles).allSatisfy(file -> assertThat(monitoring.prometheusMount(file))
                .as("host file mounted at %s", file).isRegularFile());
        assertThat(monitoring.alertRules()).isNotEmpty();
    }

    @Test
    void givesEveryAlertAWaitASeverityASummaryADescriptionAndARunbookSection() {
        Set<String> anchors = monitoring.runbookAnchors();

        assertThat(monitoring.alertRules()).allSatisfy(rule -> {
            String alert = String.valueOf(rule.get("alert"));
            Map<String, Object> labels = ComposeFile.map(rule.get("labels"));
            Map<String, Object> annotations = ComposeFile.map(rule.get("annotations"));

            assertThat(String.valueOf(rule.get("for"))).as("for: of %s", alert).matches(DURATION);
            assertThat(String.valueOf(rule.get("expr"))).as("expr of %s", alert).isNotBlank();
            assertThat(labels.get("severity")).as("severity of %s", alert).isIn(SEVERITIES);
            assertThat(String.valueOf(annotations.get("summary"))).as("summary of %s", alert).isNotBlank()
                    .isNotEqualTo("null");
            assertThat(String.valueOf(annotations.get("description"))).as("description of %s", alert).isNotBlank()
                    .isNotEqualTo("null");
            assertThat(String.valueOf(annotations.get("runbook_url"))).as("runbook_url of %s", alert)
                    .isEqualTo(MonitoringFiles.RUNBOOK + "#" + MonitoringFiles.anchor(alert));
            assertThat(anchors).as("runbook sections").contains(MonitoringFiles.anchor(alert));
        });
        assertThat(monitoring.alertRules()).extracting(rule -> rule.get("alert")).doesNotHaveDuplicates();
    }

    /** FAILED comes only after about 13.5 minutes of retries: a mail server that is down must show before that. */
    @Test
    void alertsOnRefusedDeliveryAttemptsNotOnlyOnNotificationsGivenUp() {
        assertThat(monitoring.alertRules())
                .map(rule -> String.valueOf(rule.get("expr")))
                .filteredOn(expr -> PromQl.metricNames(expr).contains("platform_notifications_total"))
                .anySatisfy(expr -> assertThat(expr).containsPattern("outcome(!=\"SENT\"|=~?\"[^\"]*RETRIED)"));
    }

    @Test
    void alertsOnConsumerLagOutboxAgeDeadLettersServerErrorsNotificationsLateOrFailingUncoveredBoothsAndDownTargets() {
        Set<String> read = monitoring.alertRules().stream()
                .flatMap(rule -> PromQl.metricNames(String.valueOf(rule.get("expr"))).stream())
                .collect(Collectors.toSet());

        assertThat(read).contains(
                "kafka_consumer_fetch_manager_records_lag",
                "outbox_oldest_age_seconds",
                "messaging_dead_letters_total",
                "http_server_requests_seconds_count",
                "spring_cloud_gateway_requests_seconds_count",
                "platform_notifications_total",
                "platform_notification_delivery_seconds_bucket",
                "platform_interpretation_booths",
                "up");
    }
}
