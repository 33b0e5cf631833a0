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
        Duration readinessTimeout) {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_POSTGRES_PORT = 54320;
    public static final int DEFAULT_SMTP_PORT = 3025;
    public static final int DEFAULT_IMAP_PORT = 3143;
    public static final int DEFAULT_SMS_PORT = 3090;
    public static final int DEFAULT_GATEWAY_MANAGEMENT_PORT = 8180;
    public static final Duration DEFAULT_READINESS_TIMEOUT = Duration.ofSeconds(180);

    public LocalPlatformOptions {
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        serviceJarDirectory = serviceJarDirectory.toAbsolutePath().normalize();
        services = Set.copyOf(services);
        servicePorts = Map.copyOf(servicePorts);
        serviceEnvironment = Map.copyOf(serviceEnvironment);
        serviceJvmOptions = Map.copyOf(serviceJvmOptions);
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

        /** The broker's port; its KRaft controller listens on the next one. */
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
            FreePorts freePorts = new FreePorts();
            kafkaPort = freePorts.pair();
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

        public Builder readinessTimeout(Duration readinessTimeout) {
            this.readinessTimeout = readinessTimeout;
            return this;
        }

        public LocalPlatformOptions build() {
            Map<PlatformService, Map<String, String>> environment = new EnumMap<>(PlatformService.class);
            serviceEnvironment.forEach((service, variables) -> environment.put(service, Map.copyOf(variables)));
            return new LocalPlatformOptions(dataDirectory, fresh, serviceJarDirectory, kafkaPort, postgresPort,
                    smtpPort, imapPort, smsPort, gatewayManagementPort, services, servicePorts, environment, serviceJvmOptions, readinessTimeout);
        }
    }
}
