package org.learningcities.contracts.registration;

import java.time.Instant;

import org.learningcities.contracts.IntegrationEvent;

/** The secretariat rejected a registration, with the reason given to the delegate. Public: no contact data. */
public record DelegateRejected(
        String registrationId,
        String conferenceId,
        String reason,
        Instant rejectedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return registrationId;
    }
}
