package org.learningcities.platform;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every port the platform needs before anything starts, so that a platform still running is reported at
 * once, all ports named, rather than by whichever component happens to start first.
 */
final class PortsInUse {

    private PortsInUse() {
    }

    static void failIfAny(LocalPlatformOptions options) {
        Map<Integer, String> needed = new LinkedHashMap<>();
        for (KafkaNode node : options.kafkaNodes()) {
            String broker = options.kafkaBrokers() == 1 ? "Kafka" : "Kafka broker " + node.nodeId();
            needed.put(node.port(), broker);
            needed.put(node.controllerPort(), broker + "'s controller");
        }
        options.kafkaProxyPorts().forEach((service, port) -> {
            needed.put(port, "Kafka proxy of " + service);
            needed.put(port + 1, "Kafka listener for the proxy of " + service);
        });
        needed.put(options.postgresPort(), "PostgreSQL");
        needed.put(options.smtpPort(), "SMTP");
        needed.put(options.imapPort(), "IMAP");
        needed.put(options.smsPort(), "SMS sink");
        if (options.services().contains(PlatformService.GATEWAY)) {
            needed.put(options.gatewayManagementPort(), "gateway management");
        }
        Arrays.stream(PlatformService.values())
                .filter(options.services()::contains)
                .forEach(service -> needed.put(options.port(service), service.moduleName()));
        List<String> taken = needed.entrySet().stream()
                .filter(port -> !FreePorts.isFree(port.getKey()))
                .map(port -> port.getKey() + " (" + port.getValue() + ")")
                .toList();
        if (!taken.isEmpty()) {
            throw new PlatformStartupException("Ports in use already: " + String.join(", ", taken)
                    + ". Is an earlier platform still running? Stop it, or choose other ports (./platform --help).");
        }
    }
}
