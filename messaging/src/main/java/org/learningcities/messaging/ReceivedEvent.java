package org.learningcities.messaging;

import java.time.Instant;

/**
 * An event as a consumer sees it: the CloudEvents attributes it needs plus the decoded payload.
 *
 * @param id the CloudEvents id, unique per event; the key of idempotent processing
 */
public record ReceivedEvent<E>(String id, String type, String subject, Instant time, E payload) {
}
