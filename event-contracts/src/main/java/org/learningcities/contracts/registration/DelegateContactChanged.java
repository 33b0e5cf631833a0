package org.learningcities.contracts.registration;

import org.learningcities.contracts.IntegrationEvent;

/**
 * The latest contact details of a delegate, for notification-service only. Travels on the
 * internal, compacted {@link org.learningcities.contracts.Topics#REGISTRATION_CONTACTS_INTERNAL} topic.
 *
 * @param phone E.164, or null when none was given
 */
public record DelegateContactChanged(
        String registrationId,
        String conferenceId,
        String givenName,
        String familyName,
        String email,
        String phone,
        String correspondenceLanguage) implements IntegrationEvent {

    @Override
    public String subject() {
        return registrationId;
    }
}
