package org.learningcities.gateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot be started where the build runs (no Docker engine), so this checks
 * it against the build and against itself: what compose would only reveal at run time.
 */
class ProductionComposeFileTest {

    private static final String GATEWAY_MODULE = "gateway";
    private static final Pattern LISTENER = Pattern.compile("(\\w+)://([^:,]*):(\\d+)");

    private final MavenBuild build = MavenBuild.ofRepository();
    private final ComposeFile compose = ComposeFile.load(build.root().resolve("docker-compose.yml"));

    @Test
    void buildsEveryRunnableModuleAsAComposeServiceFromThisRepository() {
        assertThat(build.runnableModules()).contains(GATEWAY_MODULE).hasSizeGreaterThan(1);
        for (String module : build.runnableModules()) {
            List<String> builders = compose.serviceNames().stream()
                    .filter(service -> compose.builtModule(service).filter(module::equals).isPresent())
                    .toList();
            assertThat(builders).as("compose services built with MODULE=%s", module).hasSize(1);
            assertThat(compose.buildContext(builders.getFirst())).isEqualTo(build.root());
        }
        for (String service : compose.serviceNames()) {
            compose.builtModule(service).ifPresent(module ->
                    assertThat(build.runnableModules()).as("module built for %s", service).contains(module));
        }
    }

    @Test
    void copiesTheExecJarThatMavenPackageAttaches() throws IOException {
        String dockerfile = Files.readString(build.root().resolve("Dockerfile"));

        assertThat(dockerfile).contains("ARG MODULE", "FROM eclipse-temurin:21-jre");
        assertThat(dockerfile).contains("COPY ${MODULE}/target/${MODULE}-*-" + build.execJarClassifier() + ".jar");
        assertThat(dockerfile).containsPattern("(?m)^USER (?!root)\\w+");
    }

    @Test
    void publishesEveryHostPortOnlyOnce() {
        Map<Integer, List<String>> owners = new HashMap<>();
        compose.serviceNames().forEach(service -> compose.publishedPorts(service).keySet()
                .forEach(port -> owners.computeIfAbsent(port, ignored -> new ArrayList<>()).add(service)));

        assertThat(owners).isNotEmpty();
        assertThat(owners).allSatisfy((port, services) -> assertThat(services).as("host port %d", port).hasSize(1));
    }

    @Test
    void runsTheKafkaVersionTheBuildTestsAgainst() {
        assertThat(kafkaNodes()).allSatisfy(node ->
                assertThat(compose.service(node).get("image")).isEqualTo("apache/kafka:" + build.property("kafka.version")));
    }

    @Test
    void formsOneKraftQuorumOfThreeCombinedBrokerAndControllerNodes() {
        List<String> nodes = kafkaNodes();
        assertThat(nodes).hasSize(3);

        Map<String, String> votersByNodeId = new LinkedHashMap<>();
        for (String node : nodes) {
            Map<String, String> settings = compose.environment(node);
            assertThat(Set.of(settings.get("KAFKA_PROCESS_ROLES").split(","))).containsExactlyInAnyOrder("broker", "controller");
            int controllerPort = listenerPorts(settings.get("KAFKA_LISTENERS"))
                    .get(settings.get("KAFKA_CONTROLLER_LISTENER_NAMES"));
            votersByNodeId.put(settings.get("KAFKA_NODE_ID"), node + ":" + controllerPort);
        }
        assertThat(votersByNodeId).as("distinct node ids").hasSize(3);

        for (String node : nodes) {
            Map<String, String> settings = compose.environment(node);
            Map<String, String> voters = Arrays.stream(settings.get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(","))
                    .map(voter -> voter.split("@", 2))
                    .collect(Collectors.toMap(voter -> voter[0], voter -> voter[1]));
            assertThat(voters).as("quorum voters of %s", node).isEqualTo(votersByNodeId);
        }
        assertThat(nodes.stream().map(node -> compose.environment(node).get("CLUSTER_ID")).distinct())
                .singleElement()
                .satisfies(clusterId -> assertThat(isCanonicalKafkaUuid(clusterId)).as("CLUSTER_ID " + clusterId).isTrue());
    }

    @Test
    void replicatesEveryTopicThreeTimesAndAcknowledgesWritesOnTwoReplicas() {
        assertThat(kafkaNodes()).allSatisfy(node -> assertThat(compose.environment(node)).contains(
                Map.entry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3"),
                Map.entry("KAFKA_MIN_INSYNC_REPLICAS", "2"),
                Map.entry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3"),
                Map.entry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3"),
                Map.entry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")));
    }

    @Test
    void advertisesEveryBrokerToTheHostOnThePortItPublishes() {
        for (String node : kafkaNodes()) {
            Map<String, String> settings = compose.environment(node);
            Map<String, Integer> listening = listenerPorts(settings.get("KAFKA_LISTENERS"));
            Matcher advertised = LISTENER.matcher(settings.get("KAFKA_ADVERTISED_LISTENERS"));
            while (advertised.find()) {
                String listener = advertised.group(1);
                String host = advertised.group(2);
                int port = Integer.parseInt(advertised.group(3));
                if (host.equals(node)) {
                    assertThat(listening.get(listener)).as("%s listener %s", node, listener).isEqualTo(port);
                } else {
                    assertThat(host).as("%s advertises %s to the host", node, listener).isEqualTo("localhost");
                    assertThat(compose.publishedPorts(node)).as("%s publishes %d", node, port)
                            .containsEntry(port, listening.get(listener));
                }
            }
        }
    }

    @Test
    void pointsEveryServiceAtAllThreeBrokersWithReplicationFactorThree() {
        Set<String> brokers = new HashSet<>();
        for (String node : kafkaNodes()) {
            Map<String, String> settings = compose.environment(node);
            Matcher advertised = LISTENER.matcher(settings.get("KAFKA_ADVERTISED_LISTENERS"));
            while (advertised.find()) {
                if (advertised.group(1).equals(settings.get("KAFKA_INTER_BROKER_LISTENER_NAME"))) {
                    brokers.add(advertised.group(2) + ":" + advertised.group(3));
                }
            }
        }
        assertThat(brokers).hasSize(3);

        for (String service : platformServices()) {
            Map<String, String> settings = compose.environment(service);
            assertThat(Set.of(settings.get("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS").split(",")))
                    .as("brokers of %s", service).isEqualTo(brokers);
            assertThat(settings).containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_REPLICATION_FACTOR", "3");
        }
    }

    @Test
    void connectsEveryServiceToItsOwnDatabaseCreatedByTheInitScript() throws IOException {
        String postgres = compose.servicesRunningImage("postgres:").getFirst();
        assertThat(compose.service(postgres).get("image")).isEqualTo("postgres:17");
        Path initScript = compose.mountedAt(postgres, "/docker-entrypoint-initdb.d/create-service-databases.sh")
                .orElseThrow();
        Set<String> created = Pattern.compile("(?m)^create_service_database (\\w+) ")
                .matcher(Files.readString(initScript)).results().map(match -> match.group(1))
                .collect(Collectors.toSet());

        Set<String> used = new HashSet<>();
        for (String service : platformServices()) {
            Map<String, String> settings = compose.environment(service);
            Matcher url = Pattern.compile("jdbc:postgresql://([\\w-]+):5432/(\\w+)")
                    .matcher(settings.get("SPRING_DATASOURCE_URL"));
            assertThat(url.matches()).as("datasource URL of %s", service).isTrue();
            assertThat(url.group(1)).isEqualTo(postgres);
            assertThat(created).as("databases the init script creates").contains(url.group(2));
            assertThat(settings).as("the init script names each database's owner after it")
                    .containsEntry("SPRING_DATASOURCE_USERNAME", url.group(2));
            assertThat(used.add(url.group(2))).as("%s shares its database", service).isTrue();
        }
    }

    @Test
    void startsContainersOnlyOnceWhatTheyDependOnIsHealthy() {
        for (String service : compose.serviceNames()) {
            compose.dependencies(service).forEach((dependency, condition) -> {
                assertThat(compose.hasService(dependency)).as("%s depends on %s", service, dependency).isTrue();
                assertThat(condition).as("%s waits for %s", service, dependency).isEqualTo("service_healthy");
                assertThat(compose.healthCheck(dependency)).as("health check of %s", dependency).isNotBlank();
            });
        }
    }

    @Test
    void startsServicesAfterKafkaAndPostgresAndTheGatewayAfterTheServices() {
        Set<String> infrastructure = new HashSet<>(kafkaNodes());
        infrastructure.addAll(compose.servicesRunningImage("postgres:"));

        for (String service : platformServices()) {
            assertThat(compose.dependencies(service).keySet()).as("%s waits for", service).containsAll(infrastructure);
        }
        assertThat(compose.dependencies(composeServiceOf(GATEWAY_MODULE)).keySet())
                .containsExactlyInAnyOrderElementsOf(platformServices());
    }

    @Test
    void checksTheReadinessOfEveryServiceAndTheGatewayOnItsOwnPort() {
        for (String module : build.runnableModules()) {
            String service = composeServiceOf(module);
            String port = compose.environment(service).get("SERVER_PORT");
            assertThat(compose.healthCheck(service))
                    .contains("http://localhost:" + port + "/actuator/health/readiness");
        }
    }

    @Test
    void routesTheGatewayToEveryServiceByItsComposeName() {
        Map<String, String> gateway = compose.environment(composeServiceOf(GATEWAY_MODULE));
        for (String service : platformServices()) {
            String variable = "PLATFORM_SERVICES_" + service.replace("-service", "").toUpperCase() + "_URI";
            assertThat(gateway).containsEntry(variable,
                    "http://" + service + ":" + compose.environment(service).get("SERVER_PORT"));
        }
    }

    @Test
    void scrapesPrometheusMetricsOfEveryServiceAndTheGatewayOnItsContainerPort() {
        String prometheus = compose.servicesRunningImage("prom/prometheus:").getFirst();
        Path config = compose.mountedAt(prometheus, "/etc/prometheus/prometheus.yml").orElseThrow();
        Set<String> scraped = ComposeFile.maps(ComposeFile.readYaml(config).get("scrape_configs"))
                .filter(job -> "/actuator/prometheus".equals(job.get("metrics_path")))
                .flatMap(job -> ComposeFile.maps(job.get("static_configs")))
                .flatMap(targets -> ComposeFile.list(targets.get("targets")).stream().map(String::valueOf))
                .collect(Collectors.toSet());

        for (String module : build.runnableModules()) {
            String service = composeServiceOf(module);
            assertThat(scraped).contains(service + ":" + compose.environment(service).get("SERVER_PORT"));
        }
    }

    @Test
    void providesGrafanaWithPrometheusAsItsDatasource() {
        String grafana = compose.servicesRunningImage("grafana/grafana:").getFirst();
        String prometheus = compose.servicesRunningImage("prom/prometheus:").getFirst();
        Path provisioning = compose.mountedAt(grafana, "/etc/grafana/provisioning").orElseThrow();

        Map<String, Object> datasources = ComposeFile.readYaml(provisioning.resolve("datasources/prometheus.yml"));
        assertThat(ComposeFile.maps(datasources.get("datasources")))
                .anySatisfy(datasource -> assertThat(datasource).contains(
                        Map.entry("type", "prometheus"),
                        Map.entry("url", "http://" + prometheus + ":9090")));
        assertThat(compose.publishedPorts(prometheus)).containsValue(9090);
    }

    @Test
    void sendsNotificationMailToTheMailCatcher() {
        String mailCatcher = compose.servicesRunningImage("axllent/mailpit:").getFirst();

        assertThat(compose.environment(composeServiceOf("notification-service"))).contains(
                Map.entry("SPRING_MAIL_HOST", mailCatcher),
                Map.entry("SPRING_MAIL_PORT", "1025"));
        assertThat(compose.publishedPorts(mailCatcher)).containsValues(1025, 8025);
    }

    private List<String> kafkaNodes() {
        return compose.servicesRunningImage("apache/kafka:");
    }

    /** The compose services of every runnable module except the gateway. */
    private List<String> platformServices() {
        return build.runnableModules().stream()
                .filter(module -> !module.equals(GATEWAY_MODULE))
                .map(this::composeServiceOf)
                .toList();
    }

    private String composeServiceOf(String module) {
        return compose.serviceNames().stream()
                .filter(service -> compose.builtModule(service).filter(module::equals).isPresent())
                .findFirst()
                .orElseThrow(() -> new AssertionError("No compose service builds " + module));
    }

    private static Map<String, Integer> listenerPorts(String listeners) {
        Map<String, Integer> ports = new HashMap<>();
        Matcher listener = LISTENER.matcher(listeners);
        while (listener.find()) {
            ports.put(listener.group(1), Integer.valueOf(listener.group(3)));
        }
        return ports;
    }

    // A Kafka cluster id is a UUID's 16 bytes in URL-safe base64 without padding, as
    // `kafka-storage.sh random-uuid` prints it; other strings are silently altered or refused.
    private static boolean isCanonicalKafkaUuid(String clusterId) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(clusterId);
            return bytes.length == 16 && Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(clusterId);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
