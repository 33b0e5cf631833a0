package org.learningcities.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.learningcities.contracts.agenda.ConferenceScheduled;
import org.learningcities.contracts.registration.DelegateContactChanged;
import org.learningcities.contracts.registration.DelegateRegistered;

/** A delegate of a fresh conference edition, with the events the other services publish about them. */
public record TestDelegate(String registrationId, ConferenceScheduled conference, String givenName,
                           String familyName, String email, String correspondenceLanguage) {

    public static TestDelegate named(String givenName, String familyName, String correspondenceLanguage) {
        String registrationId = "reg-" + UUID.randomUUID();
        return new TestDelegate(registrationId, beijing2013(), givenName, familyName,
                registrationId + "@delegates.example", correspondenceLanguage);
    }

    public DelegateContactChanged contact() {
        return new DelegateContactChanged(registrationId, conference.conferenceId(), givenName, familyName, email,
                "+861065000000", correspondenceLanguage);
    }

    public DelegateRegistered registered() {
        return new DelegateRegistered(registrationId, conference.conferenceId(), "MAYOR", "CN",
                "ASIA_AND_THE_PACIFIC", correspondenceLanguage, List.of(correspondenceLanguage), null, "PENDING",
                Instant.parse("2013-07-01T08:00:00Z"));
    }

    private static ConferenceScheduled beijing2013() {
        return new ConferenceScheduled("iclc-2013-" + UUID.randomUUID(), "International Conference on Learning Cities",
                "Beijing", "CN", "China National Convention Center", "Asia/Shanghai",
                LocalDate.of(2013, 10, 21), LocalDate.of(2013, 10, 23), List.of("en", "zh", "fr", "es"),
                Instant.parse("2013-05-01T00:00:00Z"), Instant.parse("2013-09-30T00:00:00Z"), 550);
    }
}
