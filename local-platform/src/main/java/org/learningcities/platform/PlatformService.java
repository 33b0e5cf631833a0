package org.learningcities.platform;

import java.util.Optional;

/**
 * The processes of the platform the launcher starts from their runnable jars, with the defaults of
 * docs/runtime-conventions.md. Declaration order is start order: the authorization server first, so the services
 * find its keys when the first token arrives; the gateway last.
 */
public enum PlatformService {
    AUTHORIZATION("authorization-server", 9000, null),
    AGENDA("agenda-service", 8081, "agenda"),
    REGISTRATION("registration-service", 8082, "registration"),
    INTERPRETATION("interpretation-service", 8083, "interpretation"),
    NOTIFICATION("notification-service", 8084, "notification"),
    GATEWAY("gateway", 8080, null);

    private final String moduleName;
    private final int defaultPort;
    private final String database;

    PlatformService(String moduleName, int defaultPort, String database) {
        this.moduleName = moduleName;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    /** The Maven module, which also names the runnable jar, the log file and the command-line port flag. */
    public String moduleName() {
        return moduleName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The service's own PostgreSQL database; the gateway and the authorization server have none. */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /** The gateway and the authorization server have no Kafka client. */
    public boolean usesKafka() {
        return this != GATEWAY && this != AUTHORIZATION;
    }

    @Override
    public String toString() {
        return moduleName;
    }
}
