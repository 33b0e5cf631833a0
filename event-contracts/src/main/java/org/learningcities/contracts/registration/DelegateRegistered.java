package org.learningcities.contracts.registration;

import java.time.Instant;
import java.util.List;

import org.learningcities.contracts.IntegrationEvent;

/**
 * A delegate registered for a conference. Public: carries no name, e-mail, phone or passport data;
 * those travel on the internal contact topic as {@link DelegateContactChanged}.
 *
 * @param status                PENDING or WAITLISTED
 * @param correspondenceLanguage BCP 47 tag of the language the delegate is written to in
 * @param listeningLanguages    BCP 47 tags of the languages the delegate listens to sessions in
 */
public record DelegateRegistered(
        String registrationId,
        String conferenceId,
        String category,
        String countryCode,
        String region,
        String correspondenceLanguage,
        List<String> listeningLanguages,
        String delegationId,
        String status,
        Instant registeredAt) implements IntegrationEvent {

    public DelegateRegistered {
        listeningLanguages = List.copyOf(listeningLanguages);
    }

    @Override
    public String subject() {
        return registrationId;
    }
}
