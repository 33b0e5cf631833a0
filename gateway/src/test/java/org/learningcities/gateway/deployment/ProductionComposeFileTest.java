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
    private static final String AUTHORIZATION_SERVER_MODULE = "authorization-server";
    private static final String PUBLIC_TOPICS = "deploy/kafka/public-topics.txt";
    private static final String ASYNCAPI = "event-contracts/src/main/resources/asyncapi.yaml";
    private static final String TOPICS_SOURCE = "event-contracts/src/main/java/org/learningcities/contracts/Topics.java";
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
        Set<String> brokers = internalBrokers();
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

        infrastructure.add(composeServiceOf(AUTHORIZATION_SERVER_MODULE));

        for (String service : platformServices()) {
            assertThat(compose.dependencies(service).keySet()).as("%s waits for", service).containsAll(infrastructure);
        }
        List<String> gatewayWaitsFor = new ArrayList<>(platformServices());
        gatewayWaitsFor.add(composeServiceOf(AUTHORIZATION_SERVER_MODULE));
        assertThat(compose.dependencies(composeServiceOf(GATEWAY_MODULE)).keySet())
                .containsExactlyInAnyOrderElementsOf(gatewayWaitsFor);
    }

    @Test
    void checksTheReadinessOfEveryServiceAndTheGatewayOnItsOwnPort() {
        for (String module : build.runnableModules()) {
            String service = composeServiceOf(module);
            assertThat(compose.healthCheck(service))
                    .contains("http://localhost:" + actuatorPort(service) + "/actuator/health/readiness");
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
            assertThat(scraped).contains(service + ":" + actuatorPort(service));
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

    @Test
    void runsTheAuthorizationServerOnThePortOfTheIssuerWithItsSigningKeyInAVolume() {
        String authorizationServer = composeServiceOf(AUTHORIZATION_SERVER_MODULE);
        Map<String, String> settings = compose.environment(authorizationServer);

        assertThat(settings).containsEntry("SERVER_PORT", "9000");
        assertThat(compose.publishedPorts(authorizationServer)).containsEntry(9000, 9000);
        assertThat(compose.healthCheck(authorizationServer))
                .contains("http://localhost:9000/actuator/health/readiness");
        String keyLocation = settings.get("AUTHORIZATION_SIGNING_KEY_LOCATION");
        assertThat(keyLocation).as("authorization.signing-key.location").isNotBlank();
        String keyDirectory = Path.of(keyLocation).getParent().toString();
        assertThat(compose.volumeAt(authorizationServer, keyDirectory))
                .as("a named volume keeps the signing key across container restarts")
                .hasValueSatisfying(volume -> assertThat(compose.volumeNames()).contains(volume));
    }

    @Test
    void validatesTokensOfTheIssuerBrowsersSeeWithKeysFetchedOverTheComposeNetwork() {
        String authorizationServer = composeServiceOf(AUTHORIZATION_SERVER_MODULE);
        int published = compose.publishedPorts(authorizationServer).entrySet().stream()
                .filter(port -> String.valueOf(port.getValue())
                        .equals(compose.environment(authorizationServer).get("SERVER_PORT")))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        String issuer = "http://localhost:" + published;
        String jwkSet = "http://" + authorizationServer + ":" + compose.environment(authorizationServer).get("SERVER_PORT")
                + "/oauth2/jwks";

        assertThat(compose.environment(authorizationServer)).containsEntry("PLATFORM_AUTH_ISSUER_URI", issuer);
        List<String> resourceServers = new ArrayList<>(platformServices());
        resourceServers.add(composeServiceOf(GATEWAY_MODULE));
        for (String service : resourceServers) {
            assertThat(compose.environment(service)).as("token settings of %s", service).contains(
                    Map.entry("PLATFORM_AUTH_ISSUER_URI", issuer),
                    Map.entry("PLATFORM_AUTH_JWK_SET_URI", jwkSet));
            assertThat(compose.dependencies(service)).as("%s waits for the keys", service)
                    .containsEntry(authorizationServer, "service_healthy");
        }
    }

    @Test
    void keepsTheGatewayActuatorOnAManagementPortThatIsNeitherRoutedNorPublished() {
        String gateway = composeServiceOf(GATEWAY_MODULE);
        Map<String, String> settings = compose.environment(gateway);

        assertThat(settings).containsEntry("MANAGEMENT_SERVER_PORT", "8180");
        assertThat(settings.get("SERVER_PORT")).isNotEqualTo("8180");
        assertThat(compose.publishedPorts(gateway).values()).doesNotContain(8180);
        assertThat(settings.get("GATEWAY_CORS_ALLOWED_ORIGINS")).as("CORS origins of the front ends").isNotBlank();
    }

    @Test
    void publishesKafkaToTheHostOnlyOnListenersThatDemandScramCredentials() {
        for (String node : kafkaNodes()) {
            Map<String, String> settings = compose.environment(node);
            Map<String, String> protocols = Arrays.stream(settings.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(","))
                    .map(entry -> entry.split(":", 2))
                    .collect(Collectors.toMap(entry -> entry[0], entry -> entry[1]));
            Set<Integer> publishedContainerPorts = new HashSet<>(compose.publishedPorts(node).values());
            assertThat(publishedContainerPorts).as("%s publishes a listener", node).isNotEmpty();

            listenerPorts(settings.get("KAFKA_LISTENERS")).forEach((listener, port) -> {
                if (publishedContainerPorts.contains(port)) {
                    assertThat(protocols.get(listener)).as("%s listener %s, published", node, listener)
                            .isIn("SASL_PLAINTEXT", "SASL_SSL");
                    assertThat(settings.get("KAFKA_LISTENER_NAME_" + listener + "_SCRAM___SHA___512_SASL_JAAS_CONFIG"))
                            .as("%s listener %s login module", node, listener)
                            .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required");
                }
            });
            assertThat(publishedContainerPorts).as("%s publishes only its listeners", node)
                    .isSubsetOf(listenerPorts(settings.get("KAFKA_LISTENERS")).values());
            assertThat(settings).containsEntry("KAFKA_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512");
        }
    }

    @Test
    void authorizesEveryKafkaRequestAndDeniesWhatNoAclGrants() {
        Set<String> partners = partnerNames();
        assertThat(partners).contains("partner-demo");

        for (String node : kafkaNodes()) {
            Map<String, String> settings = compose.environment(node);
            assertThat(settings).contains(
                    Map.entry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer"),
                    Map.entry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false"));
            Set<String> superUsers = Set.of(settings.get("KAFKA_SUPER_USERS").split(";"));
            assertThat(superUsers).as("super users of %s", node).isNotEmpty()
                    .noneMatch(user -> partners.contains(user.replaceFirst("^User:", "")));
        }
    }

    @Test
    void grantsPartnerAccessWithTheInitScriptOnceEveryBrokerIsHealthy() throws IOException {
        String init = partnerAccessService();
        Path deployKafka = compose.mountedAt(init, "/deploy/kafka").orElseThrow();
        Path script = deployKafka.resolve("grant-partner-access.sh");

        assertThat(compose.entrypoint(init)).containsExactly("/bin/bash", "/deploy/kafka/grant-partner-access.sh");
        assertThat(script).isRegularFile();
        assertThat(deployKafka.resolve("public-topics.txt")).isEqualTo(build.root().resolve(PUBLIC_TOPICS));
        assertThat(Files.readString(script)).as("the script reads the list beside it")
                .contains("$(dirname \"$0\")/public-topics.txt");
        assertThat(compose.service(init).get("restart")).isEqualTo("no");
        assertThat(compose.dependencies(init)).isEqualTo(kafkaNodes().stream()
                .collect(Collectors.toMap(node -> node, node -> "service_healthy")));
        assertThat(Set.of(compose.environment(init).get("KAFKA_BOOTSTRAP_SERVERS").split(",")))
                .as("the init script connects as the brokers do").isEqualTo(internalBrokers());
    }

    @Test
    void grantsPartnersExactlyThePublicChannelsOfTheAsyncApiDocument() throws IOException {
        List<String> granted = publicTopicList();
        Set<String> channels = ComposeFile.map(ComposeFile.readYaml(build.root().resolve(ASYNCAPI)).get("channels"))
                .values().stream()
                .map(channel -> String.valueOf(ComposeFile.map(channel).get("address")))
                .collect(Collectors.toSet());

        assertThat(granted).doesNotHaveDuplicates();
        assertThat(Set.copyOf(granted)).as(PUBLIC_TOPICS + " against the AsyncAPI channels").isEqualTo(channels);
    }

    @Test
    void neverGrantsPartnersAnInternalTopic() throws IOException {
        List<String> topics = Pattern.compile("public static final String \\w+ = \"([^\"]+)\";")
                .matcher(Files.readString(build.root().resolve(TOPICS_SOURCE))).results()
                .map(match -> match.group(1)).toList();
        List<String> internal = topics.stream().filter(topic -> topic.contains(".internal.")).toList();
        assertThat(internal).contains("registration.contacts.internal.v1", "registration.accounts.internal.v1");

        assertThat(publicTopicList()).noneMatch(topic -> topic.contains(".internal."));
        assertThat(publicTopicList()).as("every public topic is granted")
                .containsExactlyInAnyOrderElementsOf(topics.stream().filter(topic -> !internal.contains(topic)).toList());
    }

    /** The Kafka nodes: the services running the Kafka image as a numbered node of the cluster. */
    private List<String> kafkaNodes() {
        return compose.servicesRunningImage("apache/kafka:").stream()
                .filter(service -> compose.environment(service).containsKey("KAFKA_NODE_ID"))
                .toList();
    }

    /** The one-shot service that runs the Kafka image for its tools, to grant partner access. */
    private String partnerAccessService() {
        List<String> tools = compose.servicesRunningImage("apache/kafka:").stream()
                .filter(service -> !kafkaNodes().contains(service))
                .toList();
        assertThat(tools).as("services running the Kafka image that are not brokers").hasSize(1);
        return tools.getFirst();
    }

    private Set<String> partnerNames() {
        return Arrays.stream(compose.environment(partnerAccessService()).get("PARTNERS").split("\\s+"))
                .map(partner -> partner.split(":", 2)[0])
                .collect(Collectors.toSet());
    }

    /** The public-topic list as grant-partner-access.sh reads it: one a line, # comments and blanks skipped. */
    private List<String> publicTopicList() throws IOException {
        return Files.readAllLines(build.root().resolve(PUBLIC_TOPICS)).stream()
                .map(line -> line.replaceAll("#.*", "").strip())
                .filter(line -> !line.isEmpty())
                .toList();
    }

    /** host:port of each broker's inter-broker listener, the one services connect to. */
    private Set<String> internalBrokers() {
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
        return brokers;
    }

    /** The port of a process's actuator: its management port when it has one, else its server port. */
    private String actuatorPort(String service) {
        Map<String, String> settings = compose.environment(service);
        return settings.getOrDefault("MANAGEMENT_SERVER_PORT", settings.get("SERVER_PORT"));
    }

    /** The compose services of every runnable module except the gateway and the authorization server. */
    private List<String> platformServices() {
        return build.runnableModules().stream()
                .filter(module -> !module.equals(GATEWAY_MODULE) && !module.equals(AUTHORIZATION_SERVER_MODULE))
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
