package org.learningcities.contracts;

/**
 * An event another service may react to. Implementations are small immutable records; their
 * {@link EventType} names the CloudEvents type, the topic and the JSON Schema that describes them.
 */
public interface IntegrationEvent {

    /** The aggregate the event is about: the Kafka record key and the CloudEvents {@code subject}. */
    String subject();
}
