package org.learningcities.contracts.registration;

import java.time.Instant;

import org.learningcities.contracts.IntegrationEvent;

/** A delegate's badge was scanned at the venue for the first time. Public: no contact data. */
public record DelegateCheckedIn(
        String registrationId,
        String conferenceId,
        Instant checkedInAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return registrationId;
    }
}
