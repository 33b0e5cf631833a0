package org.learningcities.contracts.registration;

import java.time.Instant;

import org.learningcities.contracts.IntegrationEvent;

/**
 * A badge was issued to an approved delegate: the signed token its QR code encodes, so notification-service
 * can attach the badge to the approval e-mail. The token admits its bearer at check-in, so it travels only on
 * the internal, compacted {@link org.learningcities.contracts.Topics#REGISTRATION_BADGES_INTERNAL} topic.
 *
 * @param serial a later serial replaces (revokes) every earlier badge of the registration
 */
public record BadgeIssued(
        String registrationId,
        String conferenceId,
        int serial,
        String token,
        Instant issuedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return registrationId;
    }
}
