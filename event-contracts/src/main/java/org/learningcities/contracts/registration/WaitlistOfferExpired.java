package org.learningcities.contracts.registration;

import java.time.Instant;

import org.learningcities.contracts.IntegrationEvent;

/** A waitlisted delegate did not take the offered place in time; it moves on to the next in line. Public: no contact data. */
public record WaitlistOfferExpired(
        String registrationId,
        String conferenceId,
        Instant expiredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return registrationId;
    }
}
