package org.learningcities.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What a {@link LocalPlatform} starts and where. Build with {@link #builder()}; the defaults are the ports of
 * docs/runtime-conventions.md, the data directory {@code .platform/} at the repository root and the runnable jars
 * in {@code local-platform/target/services/}.
 *
 * @param dataDirectory       Kafka and PostgreSQL data, the SMS sink's texts and every log file ({@code logs/})
 * @param fresh               wipe the data directory before starting
 * @param serviceJarDirectory where {@code <module>.jar} of each service is found
 * @param smsPort             the SMS sink, which notification-service uses as its SMS provider
 * @param gatewayManagementPort the gateway's actuator (Prometheus), kept off its public port
 * @param services            which services to start; empty for Kafka, PostgreSQL, SMTP and the SMS sink alone
 * @param servicePorts        the HTTP port of every service, started or not (the gateway routes to them)
 * @param serviceEnvironment  environment variables added to (or overriding) what a service is given
 * @param serviceJvmOptions   JVM options appended after the launcher's defaults, so they win (e.g. {@code -Xmx1g})
 * @param readinessTimeout    how long each service may take to report itself ready
 * @param kafkaBrokers        1, or 3 for a cluster: broker {@code i} (from 0) listens on {@code kafkaPort + 2i}, its
 *                            controller on the port after
 * @param kafkaProxyPorts     the services that reach Kafka only through a {@link TcpProxy} listening on the given
 *                            port; the broker's listener for that proxy is on the port after
 */
public record LocalPlatformOptions(
        Path dataDirectory,
        boolean fresh,
        Path serviceJarDirectory,
        int kafkaPort,
        int postgresPort,
        int smtpPort,
        int imapPort,
        int smsPort,
        int gatewayManagementPort,
        Set<PlatformService> services,
        Map<PlatformService, Integer> servicePorts,
        Map<PlatformService, Map<String, String>> serviceEnvironment,
        Map<PlatformService, List<String>> serviceJvmOptions,
        Duration readinessTimeout,
        int kafkaBrokers,
        Map<PlatformService, Integer> kafkaProxyPorts) {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_POSTGRES_PORT = 54320;
    public static final int DEFAULT_SMTP_PORT = 3025;
    public static final int DEFAULT_IMAP_PORT = 3143;
    public static final int DEFAULT_SMS_PORT = 3090;
    public static final int DEFAULT_GATEWAY_MANAGEMENT_PORT = 8180;
    public static final Duration DEFAULT_READINESS_TIMEOUT = Duration.ofSeconds(180);
    /** A cluster has this many brokers: with replication factor 3 and two replicas in sync, one may fail. */
    public static final int KAFKA_CLUSTER_SIZE = 3;

    public LocalPlatformOptions {
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        serviceJarDirectory = serviceJarDirectory.toAbsolutePath().normalize();
        services = Set.copyOf(services);
        servicePorts = Map.copyOf(servicePorts);
        serviceEnvironment = Map.copyOf(serviceEnvironment);
        serviceJvmOptions = Map.copyOf(serviceJvmOptions);
        kafkaProxyPorts = Map.copyOf(kafkaProxyPorts);
        if (kafkaBrokers != 1 && kafkaBrokers != KAFKA_CLUSTER_SIZE) {
            throw new IllegalArgumentException("Kafka runs with 1 or " + KAFKA_CLUSTER_SIZE + " brokers, not " + kafkaBrokers);
        }
        if (!kafkaProxyPorts.isEmpty() && kafkaBrokers != 1) {
            throw new IllegalArgumentException("A service can reach Kafka through a proxy only with a single broker,"
                    + " not with " + kafkaBrokers);
        }
        for (PlatformService proxied : kafkaProxyPorts.keySet()) {
            if (!proxied.usesKafka()) {
                throw new IllegalArgumentException(proxied + " does not use Kafka, so it needs no proxy to it");
            }
        }
        for (PlatformService service : PlatformService.values()) {
            if (!servicePorts.containsKey(service)) {
                throw new IllegalArgumentException("No port for " + service);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port(PlatformService service) {
        return servicePorts.get(service);
    }

    public Map<String, String> environment(PlatformService service) {
        return serviceEnvironment.getOrDefault(service, Map.of());
    }

    public List<String> jvmOptions(PlatformService service) {
        return serviceJvmOptions.getOrDefault(service, List.of());
    }

    /** Every Kafka node, broker and controller in one: node ids from 1, ports in pairs from {@link #kafkaPort}. */
    List<KafkaNode> kafkaNodes() {
        return IntStream.range(0, kafkaBrokers)
                .mapToObj(index -> new KafkaNode(index + 1, kafkaPort + 2 * index))
                .toList();
    }

    /** Every broker, as Kafka clients take them: {@code localhost:9092} or {@code localhost:9092,localhost:9094,...}. */
    public String kafkaBootstrapServers() {
        return kafkaNodes().stream().map(node -> "localhost:" + node.port()).collect(Collectors.joining(","));
    }

    /** What {@code service} connects to: its proxy if it reaches Kafka through one, otherwise every broker. */
    public String kafkaBootstrapServers(PlatformService service) {
        Integer proxyPort = kafkaProxyPorts.get(service);
        return proxyPort == null ? kafkaBootstrapServers() : "localhost:" + proxyPort;
    }

    public static final class Builder {

        private Path dataDirectory = ModuleLayout.repositoryRoot().resolve(".platform");
        private boolean fresh;
        private Path serviceJarDirectory = ModuleLayout.serviceJarDirectory();
        private int kafkaPort = DEFAULT_KAFKA_PORT;
        private int postgresPort = DEFAULT_POSTGRES_PORT;
        private int smtpPort = DEFAULT_SMTP_PORT;
        private int imapPort = DEFAULT_IMAP_PORT;
        private int smsPort = DEFAULT_SMS_PORT;
        private int gatewayManagementPort = DEFAULT_GATEWAY_MANAGEMENT_PORT;
        private final Set<PlatformService> services = EnumSet.allOf(PlatformService.class);
        private final Map<PlatformService, Integer> servicePorts = new EnumMap<>(PlatformService.class);
        private final Map<PlatformService, Map<String, String>> serviceEnvironment = new EnumMap<>(PlatformService.class);
        private final Map<PlatformService, List<String>> serviceJvmOptions = new EnumMap<>(PlatformService.class);
        private Duration readinessTimeout = DEFAULT_READINESS_TIMEOUT;
        private int kafkaBrokers = 1;
        private final Map<PlatformService, Integer> kafkaProxyPorts = new EnumMap<>(PlatformService.class);
        /** One for the builder, so that ports picked for proxies never clash with those of {@link #freePorts()}. */
        private final FreePorts freePorts = new FreePorts();

        private Builder() {
            for (PlatformService service : PlatformService.values()) {
                servicePorts.put(service, service.defaultPort());
            }
        }

        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        public Builder fresh(boolean fresh) {
            this.fresh = fresh;
            return this;
        }

        public Builder serviceJarDirectory(Path serviceJarDirectory) {
            this.serviceJarDirectory = serviceJarDirectory;
            return this;
        }

        /**
         * The broker's port; its KRaft controller listens on the next one. With a cluster, the other brokers and
         * their controllers take the ports after those.
         */
        public Builder kafkaPort(int kafkaPort) {
            this.kafkaPort = kafkaPort;
            return this;
        }

        public Builder postgresPort(int postgresPort) {
            this.postgresPort = postgresPort;
            return this;
        }

        public Builder smtpPort(int smtpPort) {
            this.smtpPort = smtpPort;
            return this;
        }

        public Builder imapPort(int imapPort) {
            this.imapPort = imapPort;
            return this;
        }

        public Builder smsPort(int smsPort) {
            this.smsPort = smsPort;
            return this;
        }

        public Builder gatewayManagementPort(int gatewayManagementPort) {
            this.gatewayManagementPort = gatewayManagementPort;
            return this;
        }

        public Builder servicePort(PlatformService service, int port) {
            servicePorts.put(service, port);
            return this;
        }

        /** Picks a currently free port for every component, so a test does not clash with a running platform. */
        public Builder freePorts() {
            // Enough consecutive ports for a cluster, so kafkaBrokers(3) may come before or after this call.
            kafkaPort = freePorts.consecutive(2 * KAFKA_CLUSTER_SIZE);
            postgresPort = freePorts.any();
            smtpPort = freePorts.any();
            imapPort = freePorts.any();
            smsPort = freePorts.any();
            gatewayManagementPort = freePorts.any();
            servicePorts.replaceAll((service, port) -> freePorts.any());
            return this;
        }

        /** Starts only these services (the gateway counts as one). */
        public Builder services(Collection<PlatformService> services) {
            this.services.clear();
            this.services.addAll(services);
            return this;
        }

        public Builder services(PlatformService... services) {
            return services(Arrays.asList(services));
        }

        /** Kafka, PostgreSQL, SMTP and the SMS sink without any service, e.g. to run one service from the IDE. */
        public Builder infrastructureOnly() {
            return services(List.of());
        }

        public Builder environment(PlatformService service, String name, String value) {
            serviceEnvironment.computeIfAbsent(service, any -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        public Builder jvmOptions(PlatformService service, String... options) {
            serviceJvmOptions.put(service, List.of(options));
            return this;
        }

        /**
         * How many Kafka brokers to run: 1 (the default), or 3 for a cluster in which every node is broker and
         * controller (a quorum of three voters), every topic has three replicas and an acks=all write needs two in
         * sync ({@code min.insync.replicas=2}, for the consumer offsets and transactions too), so one broker may
         * fail without losing an acknowledged record or stopping producers. Services are given all three brokers.
         */
        public Builder kafkaBrokers(int count) {
            this.kafkaBrokers = count;
            return this;
        }

        /**
         * Makes {@code service} reach Kafka only through a {@link TcpProxy} (see {@link LocalPlatform#kafkaProxy}),
         * to delay or cut its connections while the other services keep theirs. The broker gets a listener of its
         * own for the proxy, advertising the proxy's address, so that the service's clients also reconnect through
         * the proxy when they follow the metadata. Only with a single broker. Picks free ports for both.
         */
        public Builder kafkaThroughProxy(PlatformService service) {
            kafkaProxyPorts.put(service, freePorts.pair());
            return this;
        }

        public Builder readinessTimeout(Duration readinessTimeout) {
            this.readinessTimeout = readinessTimeout;
            return this;
        }

        public LocalPlatformOptions build() {
            Map<PlatformService, Map<String, String>> environment = new EnumMap<>(PlatformService.class);
            serviceEnvironment.forEach((service, variables) -> environment.put(service, Map.copyOf(variables)));
            return new LocalPlatformOptions(dataDirectory, fresh, serviceJarDirectory, kafkaPort, postgresPort,
                    smtpPort, imapPort, smsPort, gatewayManagementPort, services, servicePorts, environment, serviceJvmOptions,
                    readinessTimeout, kafkaBrokers, kafkaProxyPorts);
        }
    }
}
