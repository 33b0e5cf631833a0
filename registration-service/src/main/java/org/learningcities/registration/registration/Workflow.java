package org.learningcities.registration.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

import org.learningcities.contracts.registration.DelegateApproved;
import org.learningcities.contracts.registration.DelegateRejected;
import org.learningcities.contracts.registration.DelegateWithdrawn;
import org.learningcities.messaging.Outbox;
import org.learningcities.registration.badge.BadgeIssuing;
import org.learningcities.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * The secretariat's decisions and the delegate's withdrawal. Each locks the registration, changes it,
 * moves a freed place down the waiting list, issues an approved delegate's badge and records the events
 * in one transaction. Asking for the state a registration is already in changes nothing and announces
 * nothing, so a retried request is safe.
 */
@Service
class Workflow {

    private final Registrations registrations;
    private final WaitingList waitingList;
    private final BadgeIssuing badges;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Workflow(Registrations registrations, WaitingList waitingList, BadgeIssuing badges, Outbox outbox,
             TransactionTemplate transaction, Clock clock) {
        this.registrations = registrations;
        this.waitingList = waitingList;
        this.badges = badges;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    Registration approve(String registrationId, String decidedBy) {
        return transaction.execute(status -> {
            Registration registration = locked(registrationId);
            if (registration.status() == RegistrationStatus.APPROVED) {
                return registration;
            }
            requireStatus(registration, "approve", Set.of(RegistrationStatus.PENDING));
            Instant now = now();
            registrations.decide(registrationId, RegistrationStatus.APPROVED,
                    new Registration.Decision(now, decidedBy, null));
            outbox.publish(new DelegateApproved(registrationId, registration.conferenceId(),
                    registration.category().name(), registration.listeningLanguages(), now));
            // Its token travels as BadgeIssued on the internal topic only, never with DelegateApproved.
            badges.issueFor(registrationId);
            return registrations.find(registrationId).orElseThrow();
        });
    }

    Registration reject(String registrationId, String reason, String decidedBy) {
        return transaction.execute(status -> {
            Registration registration = locked(registrationId);
            if (registration.status() == RegistrationStatus.REJECTED) {
                return registration;
            }
            requireStatus(registration, "reject",
                    Set.of(RegistrationStatus.PENDING, RegistrationStatus.WAITLISTED));
            Instant now = now();
            registrations.decide(registrationId, RegistrationStatus.REJECTED,
                    new Registration.Decision(now, decidedBy, reason));
            outbox.publish(new DelegateRejected(registrationId, registration.conferenceId(), reason, now));
            freePlaceOf(registration, now);
            return registrations.find(registrationId).orElseThrow();
        });
    }

    Registration withdraw(String registrationId, String decidedBy) {
        return transaction.execute(status -> {
            Registration registration = locked(registrationId);
            if (registration.status() == RegistrationStatus.WITHDRAWN) {
                return registration;
            }
            requireStatus(registration, "withdraw", Set.of(RegistrationStatus.PENDING,
                    RegistrationStatus.WAITLISTED, RegistrationStatus.APPROVED));
            Instant now = now();
            registrations.decide(registrationId, RegistrationStatus.WITHDRAWN,
                    new Registration.Decision(now, decidedBy, null));
            outbox.publish(new DelegateWithdrawn(registrationId, registration.conferenceId(), now));
            freePlaceOf(registration, now);
            return registrations.find(registrationId).orElseThrow();
        });
    }

    /** A waitlisted delegate takes the place offered to them: PENDING, awaiting approval like everyone else. */
    Registration acceptOffer(String registrationId) {
        return transaction.execute(status -> {
            Registration registration = locked(registrationId);
            Registration.Offer offer = registration.offer();
            if (registration.status() == RegistrationStatus.PENDING && offer != null) {
                return registration;
            }
            requireStatus(registration, "accept an offer for", Set.of(RegistrationStatus.WAITLISTED));
            if (offer == null) {
                throw Problems.conflict("No offer", "No place has been offered to this registration yet; "
                        + "it is still in the waiting list.", Map.of("status", registration.status().name()));
            }
            if (!offer.isOpen() || !now().isBefore(offer.expiresAt())) {
                throw Problems.conflict("Offer expired", "The offer of a place expired at " + offer.expiresAt()
                        + ".", Map.of("offerExpiresAt", offer.expiresAt().toString()));
            }
            registrations.acceptOffer(registrationId);
            return registrations.find(registrationId).orElseThrow();
        });
    }

    private void freePlaceOf(Registration registration, Instant now) {
        if (registration.holdsPlace()) {
            waitingList.placeFreed(registration.conferenceId(), now);
        }
    }

    private Registration locked(String registrationId) {
        return registrations.findForUpdate(registrationId)
                .orElseThrow(() -> Problems.notFound("Registration", registrationId));
    }

    private static void requireStatus(Registration registration, String action, Set<RegistrationStatus> allowed) {
        if (!allowed.contains(registration.status())) {
            throw illegalTransition(registration, action);
        }
    }

    private static ErrorResponseException illegalTransition(Registration registration, String action) {
        return Problems.conflict("Illegal status transition",
                "Cannot " + action + " a registration that is " + registration.status() + ".",
                Map.of("status", registration.status().name()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
