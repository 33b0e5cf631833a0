package org.learningcities.registration.badge;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the scanning app shows: a welcome on the first scan, "already checked in at …" afterwards. */
sealed interface CheckInResult {

    boolean firstScan();

    record FirstScan(String registrationId, Instant checkedInAt) implements CheckInResult {
        @Override
        @JsonProperty
        public boolean firstScan() {
            return true;
        }
    }

    record RepeatedScan(String registrationId, Instant firstCheckedInAt) implements CheckInResult {
        @Override
        @JsonProperty
        public boolean firstScan() {
            return false;
        }
    }
}
