package org.learningcities.contracts;

import java.util.Objects;

/**
 * What travels with an event besides its payload: its CloudEvents {@code type}, the topic it is
 * published on, the record class its payload binds to and its JSON Schema on the classpath.
 */
public record EventType<E extends IntegrationEvent>(String type, String topic, Class<E> payloadClass) {

    public EventType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payloadClass, "payloadClass");
    }

    /** Classpath location of the JSON Schema describing the payload. */
    public String schemaLocation() {
        return "schemas/" + type + ".schema.json";
    }
}
