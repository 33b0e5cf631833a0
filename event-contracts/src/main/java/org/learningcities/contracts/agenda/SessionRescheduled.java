package org.learningcities.contracts.agenda;

import java.time.Instant;

import org.learningcities.contracts.IntegrationEvent;

/** A released session moved in time. */
public record SessionRescheduled(
        String sessionId,
        String conferenceId,
        int scheduleVersion,
        Instant previousStartsAt,
        Instant previousEndsAt,
        Instant startsAt,
        Instant endsAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return sessionId;
    }
}
