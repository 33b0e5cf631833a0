package org.learningcities.contracts.registration;

import java.time.Instant;

import org.learningcities.contracts.IntegrationEvent;

/** A freed place is offered to a waitlisted delegate until the offer expires. Public: no contact data. */
public record WaitlistOfferMade(
        String registrationId,
        String conferenceId,
        Instant expiresAt,
        Instant offeredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return registrationId;
    }
}
