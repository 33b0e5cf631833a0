package org.learningcities.gateway.routing;

import java.util.List;

/**
 * The route table: each service of the platform with the public API paths it owns
 * (see the shared API contract). Patterns never overlap, so their order does not matter.
 * Streaming paths (server-sent events) are a subset of a service's API paths that get a route of
 * their own: no response timeout and no circuit breaker, since a stream is meant to stay open.
 */
public enum PlatformService {

    AGENDA("agenda-service",
            "/api/conferences",
            "/api/conferences/*",
            "/api/conferences/*/rooms/**",
            "/api/conferences/*/sessions/**",
            "/api/conferences/*/schedule/**",
            "/api/conferences/*/agenda.ics",
            "/api/conferences/*/agendas/**",
            "/api/conferences/*/programme/**"),

    REGISTRATION("registration-service",
            "/api/conferences/*/registrations/**",
            "/api/conferences/*/check-ins/**",
            "/api/conferences/*/delegations/**",
            "/api/registrations/**"),

    INTERPRETATION("interpretation-service",
            "/api/interpreters/**",
            "/api/conferences/*/interpretation/**"),

    NOTIFICATION("notification-service",
            "/api/notifications/**",
            "/api/notification-preferences/**",
            "/api/webhook-subscriptions/**");

    /** Where every service publishes its own OpenAPI document. */
    public static final String SERVICE_OPENAPI_PATH = "/v3/api-docs";

    private final String serviceName;
    private final List<String> apiPathPatterns;

    PlatformService(String serviceName, String... apiPathPatterns) {
        this.serviceName = serviceName;
        this.apiPathPatterns = List.of(apiPathPatterns);
    }

    /** Server-sent-event streams of this service; each also lies under one of its API patterns. */
    public List<String> streamPathPatterns() {
        return switch (this) {
            case AGENDA -> List.of("/api/conferences/*/programme/changes");
            case NOTIFICATION -> List.of("/api/notifications/stream");
            case REGISTRATION, INTERPRETATION -> List.of();
        };
    }

    public String serviceName() {
        return serviceName;
    }

    public List<String> apiPathPatterns() {
        return apiPathPatterns;
    }

    /** The gateway path under which this service's OpenAPI document is published for Swagger UI. */
    public String openApiDocumentPath() {
        return SERVICE_OPENAPI_PATH + "/" + serviceName;
    }
}
