package org.learningcities.notification.messages;

import java.util.Arrays;

/**
 * The messages this service writes. Each has its texts under its key in {@code messages/notifications_<language>.properties}.
 * {@code urgent} ones also go by SMS, where the recipient has a phone number and an SMS provider is configured.
 */
public enum MessageTemplate {

    REGISTRATION_RECEIVED("registration-received", false),
    /** Waits for the delegate's badge, whose QR code it attaches. */
    REGISTRATION_APPROVED("registration-approved", false),
    REGISTRATION_REJECTED("registration-rejected", false),
    REGISTRATION_WITHDRAWN("registration-withdrawn", false),
    /** Time-limited: the place lapses if not confirmed, so it goes by SMS too. */
    WAITLIST_OFFER_MADE("waitlist-offer-made", true),
    WAITLIST_OFFER_EXPIRED("waitlist-offer-expired", false),
    ENROLMENT_CONFIRMED("enrolment-confirmed", false),
    ENROLMENT_WAITLISTED("enrolment-waitlisted", false),
    ENROLMENT_PROMOTED("enrolment-promoted", true),
    /** One digest per schedule release and recipient; it goes by SMS only when critical (short notice). */
    SCHEDULE_CHANGED("schedule-changed", false),
    INTERPRETER_ASSIGNED("interpreter-assigned", false),
    INTERPRETER_RELEASED("interpreter-released", false);

    private final String key;
    private final boolean urgent;

    MessageTemplate(String key, boolean urgent) {
        this.key = key;
        this.urgent = urgent;
    }

    public String key() {
        return key;
    }

    public boolean urgent() {
        return urgent;
    }

    public static MessageTemplate byKey(String key) {
        return Arrays.stream(values())
                .filter(template -> template.key.equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No message template " + key));
    }
}
