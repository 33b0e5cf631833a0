package org.learningcities.contracts.agenda;

import java.time.Instant;

import org.learningcities.contracts.IntegrationEvent;

/** A delegate holds a seat in a session that requires enrolment. Keyed by session, so one session's seats and waiting list change in order. */
public record EnrolmentConfirmed(
        String sessionId,
        String conferenceId,
        String registrationId,
        Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return sessionId;
    }
}
