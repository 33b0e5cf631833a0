package org.learningcities.contracts.interpretation;

import java.time.Instant;

import org.learningcities.contracts.IntegrationEvent;

/**
 * An interpreter no longer works a session's booth: the session moved or was cancelled, or the plan changed.
 * Keyed by session, so one session's teams change in order.
 *
 * @param reason SESSION_CANCELLED, SESSION_MOVED, UNAVAILABLE or REPLANNED
 */
public record InterpreterReleased(
        String sessionId,
        String conferenceId,
        String interpreterId,
        String boothLanguage,
        String reason,
        Instant releasedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return sessionId;
    }
}
