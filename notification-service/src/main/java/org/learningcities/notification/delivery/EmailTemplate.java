package org.learningcities.notification.delivery;

import java.util.Arrays;

/** The e-mails this service writes. Each has its texts under its key in {@code mail/messages_<language>.properties}. */
public enum EmailTemplate {

    /** Acknowledges a new registration: which conference, the registration id, pending or waitlisted. */
    REGISTRATION_RECEIVED("registration-received");

    private final String key;

    EmailTemplate(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    static EmailTemplate byKey(String key) {
        return Arrays.stream(values())
                .filter(template -> template.key.equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No e-mail template " + key));
    }
}
