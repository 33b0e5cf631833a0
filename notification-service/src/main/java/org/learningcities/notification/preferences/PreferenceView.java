package org.learningcities.notification.preferences;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A recipient's channel switches as stored, or the defaults when they never set any.
 *
 * @param timeZone  IANA zone the recipient reads times in, besides the venue's; null for none
 * @param updatedAt when they last changed them; null for the defaults
 * @param defaults  true when nothing is stored: every channel on
 */
record PreferenceView(String recipientId, boolean email, boolean sms, boolean inApp, String timeZone,
                      Instant updatedAt, @JsonProperty("default") boolean defaults) {

    static PreferenceView defaultsFor(String recipientId) {
        return new PreferenceView(recipientId, true, true, true, null, null, true);
    }
}
