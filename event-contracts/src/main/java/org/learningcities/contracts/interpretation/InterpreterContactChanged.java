package org.learningcities.contracts.interpretation;

import org.learningcities.contracts.IntegrationEvent;

/**
 * The latest contact details of an interpreter on the roster, for notification-service only. Travels on the
 * internal, compacted {@link org.learningcities.contracts.Topics#INTERPRETATION_INTERPRETERS_INTERNAL} topic.
 *
 * @param phone                  E.164, or null when none was given
 * @param correspondenceLanguage BCP 47 tag of the language the interpreter is written to in
 * @param accountId              the interpreter's user account (token {@code sub}), or null when none is linked;
 *                               it lets notification-service show interpreters their own notifications
 */
public record InterpreterContactChanged(
        String interpreterId,
        String givenName,
        String familyName,
        String email,
        String phone,
        String correspondenceLanguage,
        String accountId) implements IntegrationEvent {

    @Override
    public String subject() {
        return interpreterId;
    }
}
