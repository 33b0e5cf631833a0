package org.learningcities.contracts.registration;

import java.time.Instant;

import org.learningcities.contracts.IntegrationEvent;

/** A delegate withdrew, or was withdrawn; their place, enrolments and badge lapse. Public: no contact data. */
public record DelegateWithdrawn(
        String registrationId,
        String conferenceId,
        Instant withdrawnAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return registrationId;
    }
}
