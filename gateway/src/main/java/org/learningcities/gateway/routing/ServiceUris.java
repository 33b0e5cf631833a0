package org.learningcities.gateway.routing;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Base URIs of the services; the defaults are the local ports of docs/runtime-conventions.md,
 * docker-compose overrides them with the containers' names.
 */
@ConfigurationProperties("platform.services")
public record ServiceUris(
        @DefaultValue("http://localhost:8081") URI agendaUri,
        @DefaultValue("http://localhost:8082") URI registrationUri,
        @DefaultValue("http://localhost:8083") URI interpretationUri,
        @DefaultValue("http://localhost:8084") URI notificationUri) {

    public URI of(PlatformService service) {
        return switch (service) {
            case AGENDA -> agendaUri;
            case REGISTRATION -> registrationUri;
            case INTERPRETATION -> interpretationUri;
            case NOTIFICATION -> notificationUri;
        };
    }
}
