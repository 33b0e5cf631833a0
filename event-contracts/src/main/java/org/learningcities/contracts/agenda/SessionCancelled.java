package org.learningcities.contracts.agenda;

import org.learningcities.contracts.IntegrationEvent;

/** A released session will not take place. */
public record SessionCancelled(
        String sessionId,
        String conferenceId,
        int scheduleVersion,
        String reason) implements IntegrationEvent {

    @Override
    public String subject() {
        return sessionId;
    }
}
