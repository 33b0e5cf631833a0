package org.learningcities.notification.delivery;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** A pending e-mail whose time has come, with everything needed to write it. */
record DueEmail(UUID id, EmailTemplate template, Map<String, String> parameters, int attempts,
                Recipient recipient, Conference conference) {

    /** @param correspondenceLanguage BCP 47 tag as the delegate chose it, not yet resolved to a supported language */
    record Recipient(String registrationId, String givenName, String familyName, String email,
                     String correspondenceLanguage) {
    }

    record Conference(String title, String city, LocalDate startDate, LocalDate endDate) {
    }
}
