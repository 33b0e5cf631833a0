package org.learningcities.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.learningcities.contracts.agenda.ConferenceScheduled;
import org.learningcities.contracts.agenda.EnrolmentConfirmed;
import org.learningcities.contracts.agenda.EnrolmentPromoted;
import org.learningcities.contracts.agenda.EnrolmentWaitlisted;
import org.learningcities.contracts.registration.BadgeIssued;
import org.learningcities.contracts.registration.DelegateApproved;
import org.learningcities.contracts.registration.DelegateContactChanged;
import org.learningcities.contracts.registration.DelegateRegistered;
import org.learningcities.contracts.registration.DelegateRejected;
import org.learningcities.contracts.registration.DelegateWithdrawn;
import org.learningcities.contracts.registration.RegistrationAccountsLinked;
import org.learningcities.contracts.registration.WaitlistOfferExpired;
import org.learningcities.contracts.registration.WaitlistOfferMade;
import org.learningcities.security.Role;
import org.learningcities.testsupport.TestTokens;

/** A delegate of a fresh conference edition, with the events the other services publish about them. */
public record TestDelegate(String registrationId, ConferenceScheduled conference, String givenName,
                           String familyName, String email, String phone, String correspondenceLanguage) {

    public static TestDelegate named(String givenName, String familyName, String correspondenceLanguage) {
        return of(beijing2013(), givenName, familyName, correspondenceLanguage);
    }

    /** Another delegate of the same conference. */
    public TestDelegate colleague(String otherGivenName, String otherFamilyName, String language) {
        return of(conference, otherGivenName, otherFamilyName, language);
    }

    private static TestDelegate of(ConferenceScheduled conference, String givenName, String familyName,
                                   String language) {
        String registrationId = "reg-" + UUID.randomUUID();
        return new TestDelegate(registrationId, conference, givenName, familyName,
                registrationId + "@delegates.example", "+8613800138000", language);
    }

    public String conferenceId() {
        return conference.conferenceId();
    }

    /** The delegate's own user account, as the authorization server would name it. */
    public String accountId() {
        return "acct-" + registrationId;
    }

    /** An access token of the delegate's own account, for an Authorization header. */
    public String bearer() {
        return TestTokens.bearer(accountId(), Role.DELEGATE);
    }

    /** The delegate registered themselves: their account acts for the registration, besides the given ones. */
    public RegistrationAccountsLinked accountsLinked(String... otherAccountIds) {
        List<String> accounts = new ArrayList<>(List.of(accountId()));
        accounts.addAll(List.of(otherAccountIds));
        return new RegistrationAccountsLinked(registrationId, conferenceId(), accounts);
    }

    public DelegateContactChanged contact() {
        return new DelegateContactChanged(registrationId, conferenceId(), givenName, familyName, email, phone,
                correspondenceLanguage);
    }

    public DelegateContactChanged contactWithoutPhone() {
        return new DelegateContactChanged(registrationId, conferenceId(), givenName, familyName, email, null,
                correspondenceLanguage);
    }

    public DelegateRegistered registered() {
        return new DelegateRegistered(registrationId, conferenceId(), "MAYOR", "CN",
                "ASIA_AND_THE_PACIFIC", correspondenceLanguage, List.of(correspondenceLanguage), null, "PENDING",
                Instant.parse("2013-07-01T08:00:00Z"));
    }

    public DelegateApproved approved() {
        return new DelegateApproved(registrationId, conferenceId(), "MAYOR", List.of(correspondenceLanguage),
                Instant.parse("2013-07-02T08:00:00Z"));
    }

    public BadgeIssued badge(int serial, String token) {
        return new BadgeIssued(registrationId, conferenceId(), serial, token, Instant.parse("2013-07-02T08:00:00Z"));
    }

    public DelegateRejected rejected(String reason) {
        return new DelegateRejected(registrationId, conferenceId(), reason, Instant.parse("2013-07-02T08:00:00Z"));
    }

    public DelegateWithdrawn withdrawn() {
        return new DelegateWithdrawn(registrationId, conferenceId(), Instant.parse("2013-07-03T08:00:00Z"));
    }

    public WaitlistOfferMade offered(Instant offeredAt, Instant expiresAt) {
        return new WaitlistOfferMade(registrationId, conferenceId(), expiresAt, offeredAt);
    }

    public WaitlistOfferExpired offerExpired() {
        return new WaitlistOfferExpired(registrationId, conferenceId(), Instant.parse("2013-07-05T08:00:00Z"));
    }

    public EnrolmentConfirmed enrolled(String sessionId) {
        return new EnrolmentConfirmed(sessionId, conferenceId(), registrationId, Instant.parse("2013-09-01T08:00:00Z"));
    }

    public EnrolmentWaitlisted waitlisted(String sessionId, int position) {
        return new EnrolmentWaitlisted(sessionId, conferenceId(), registrationId, position,
                Instant.parse("2013-09-01T08:00:00Z"));
    }

    public EnrolmentPromoted promoted(String sessionId) {
        return new EnrolmentPromoted(sessionId, conferenceId(), registrationId, Instant.parse("2013-09-02T08:00:00Z"));
    }

    private static ConferenceScheduled beijing2013() {
        return new ConferenceScheduled("iclc-2013-" + UUID.randomUUID(), "International Conference on Learning Cities",
                "Beijing", "CN", "China National Convention Center", "Asia/Shanghai",
                LocalDate.of(2013, 10, 21), LocalDate.of(2013, 10, 23), List.of("en", "zh", "fr", "es"),
                Instant.parse("2013-05-01T00:00:00Z"), Instant.parse("2013-09-30T00:00:00Z"), 550, false);
    }
}
