package org.learningcities.contracts.interpretation;

import java.time.Instant;

import org.learningcities.contracts.IntegrationEvent;

/**
 * An interpreter joined the team of one booth of a session. Keyed by session, so one session's teams change in order.
 *
 * @param boothLanguage BCP 47 tag of the language the booth interprets into
 * @param relayLanguage the pivot language the interpreter takes relay from, or null when working from the floor
 */
public record InterpreterAssigned(
        String sessionId,
        String conferenceId,
        String interpreterId,
        String boothLanguage,
        String relayLanguage,
        Instant assignedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return sessionId;
    }
}
