package org.learningcities.contracts.registration;

import java.util.List;

import org.learningcities.contracts.IntegrationEvent;

/**
 * The user accounts (the {@code sub} of their access tokens) that may act for a registration: the delegate's
 * own account when they registered themselves, and the focal point's when the registration belongs to a
 * delegation. The latest event per registration replaces every earlier one. Travels on the internal, compacted
 * {@link org.learningcities.contracts.Topics#REGISTRATION_ACCOUNTS_INTERNAL} topic.
 *
 * @param accountIds empty when nobody but the secretariat may act for the registration (registered anonymously)
 */
public record RegistrationAccountsLinked(
        String registrationId,
        String conferenceId,
        List<String> accountIds) implements IntegrationEvent {

    public RegistrationAccountsLinked {
        accountIds = List.copyOf(accountIds);
    }

    @Override
    public String subject() {
        return registrationId;
    }
}
