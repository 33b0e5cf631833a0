package org.learningcities.contracts.agenda;

import java.time.Instant;

import org.learningcities.contracts.IntegrationEvent;

/** A seat freed up and went to the first delegate on the waiting list. Keyed by session, so one session's seats and waiting list change in order. */
public record EnrolmentPromoted(
        String sessionId,
        String conferenceId,
        String registrationId,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return sessionId;
    }
}
