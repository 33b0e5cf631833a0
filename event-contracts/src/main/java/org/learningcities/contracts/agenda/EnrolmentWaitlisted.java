package org.learningcities.contracts.agenda;

import java.time.Instant;

import org.learningcities.contracts.IntegrationEvent;

/** The session was full; the delegate waits at the given position. Keyed by session, so one session's seats and waiting list change in order. */
public record EnrolmentWaitlisted(
        String sessionId,
        String conferenceId,
        String registrationId,
        int position,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return sessionId;
    }
}
