package org.learningcities.contracts.registration;

import java.time.Instant;
import java.util.List;

import org.learningcities.contracts.IntegrationEvent;

/**
 * A delegate's profile changed in what other services act on: languages and needs. Public: no
 * contact data; needs travel as flags, not as the delegate's own words.
 */
public record DelegateProfileChanged(
        String registrationId,
        String conferenceId,
        String category,
        String correspondenceLanguage,
        List<String> listeningLanguages,
        boolean hasAccessibilityNeeds,
        boolean hasDietaryNeeds,
        Instant changedAt) implements IntegrationEvent {

    public DelegateProfileChanged {
        listeningLanguages = List.copyOf(listeningLanguages);
    }

    @Override
    public String subject() {
        return registrationId;
    }
}
