package org.learningcities.notification.delivery;

import java.util.Map;

import org.learningcities.contracts.registration.DelegateRegistered;

/**
 * An e-mail some event calls for. Only what the event says is kept; the recipient's name and address
 * and the conference's details are looked up when it is sent, so the latest of them are used.
 *
 * @param recipientId       registration id of the delegate written to
 * @param requestedLanguage the correspondence language the event named (BCP 47)
 * @param parameters        facts of the event the template shows
 */
public record EmailRequest(String eventId, String recipientId, String conferenceId, EmailTemplate template,
                           String requestedLanguage, Map<String, String> parameters) {

    static final String REGISTRATION_STATUS = "registrationStatus";

    public EmailRequest {
        parameters = Map.copyOf(parameters);
    }

    public static EmailRequest registrationReceived(String eventId, DelegateRegistered registration) {
        return new EmailRequest(eventId, registration.registrationId(), registration.conferenceId(),
                EmailTemplate.REGISTRATION_RECEIVED, registration.correspondenceLanguage(),
                Map.of(REGISTRATION_STATUS, registration.status()));
    }
}
