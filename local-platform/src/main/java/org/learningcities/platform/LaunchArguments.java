package org.learningcities.platform;

import java.nio.file.Path;

/** Turns the launcher's command line into options; ./platform --help documents the flags. */
final class LaunchArguments {

    private LaunchArguments() {
    }

    static LocalPlatformOptions parse(String... arguments) {
        LocalPlatformOptions.Builder options = LocalPlatformOptions.builder();
        for (String argument : arguments) {
            String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            String value = argument.contains("=") ? argument.substring(argument.indexOf('=') + 1) : null;
            switch (name) {
                case "--fresh" -> options.fresh(true);
                case "--infrastructure-only" -> options.infrastructureOnly();
                case "--data-dir" -> options.dataDirectory(Path.of(required(name, value)));
                case "--kafka-port" -> options.kafkaPort(port(name, value));
                case "--postgres-port" -> options.postgresPort(port(name, value));
                case "--smtp-port" -> options.smtpPort(port(name, value));
                case "--imap-port" -> options.imapPort(port(name, value));
                case "--sms-port" -> options.smsPort(port(name, value));
                case "--gateway-management-port" -> options.gatewayManagementPort(port(name, value));
                default -> options.servicePort(serviceOfPortFlag(argument, name), port(name, value));
            }
        }
        return options.build();
    }

    /** {@code --agenda-service-port} and the like: one port flag per module, the gateway included. */
    private static PlatformService serviceOfPortFlag(String argument, String name) {
        for (PlatformService service : PlatformService.values()) {
            if (name.equals("--" + service.moduleName() + "-port")) {
                return service;
            }
        }
        throw new IllegalArgumentException("Unknown option " + argument + " (see ./platform --help)");
    }

    private static int port(String name, String value) {
        try {
            int port = Integer.parseInt(required(name, value));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a port number between 1 and 65535, not " + value);
        }
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
        }
        return value;
    }
}
