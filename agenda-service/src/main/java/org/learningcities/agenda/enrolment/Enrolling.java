package org.learningcities.agenda.enrolment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.learningcities.contracts.agenda.EnrolmentCancelled;
import org.learningcities.contracts.agenda.EnrolmentConfirmed;
import org.learningcities.contracts.agenda.EnrolmentPromoted;
import org.learningcities.contracts.agenda.EnrolmentWaitlisted;
import org.learningcities.messaging.Outbox;
import org.learningcities.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seats and waiting lists of sessions that require enrolment. Each change and its events commit in
 * one transaction. Locks are taken delegate first, then session, so concurrent requests cannot deadlock.
 */
@Service
class Enrolling {

    private final EnrolmentTable enrolments;
    private final Outbox outbox;

    Enrolling(EnrolmentTable enrolments, Outbox outbox) {
        this.enrolments = enrolments;
        this.outbox = outbox;
    }

    /** The delegate's enrolment, and whether this request created it (a retry finds the first one). */
    record Outcome(Enrolment enrolment, boolean created) {
    }

    @Transactional
    Outcome enrol(String conferenceId, String sessionId, String registrationId) {
        Optional<String> delegateStatus = enrolments.lockDelegateStatus(conferenceId, registrationId);
        SessionForEnrolment session = enrolments.lockSession(conferenceId, sessionId)
                .orElseThrow(() -> Problems.notFound("Session", sessionId));
        if (session.cancelled()) {
            throw Problems.unprocessable("Session cancelled", "Session " + sessionId + " has been cancelled.",
                    Map.of("sessionId", sessionId));
        }
        if (!session.enrolmentRequired()) {
            throw Problems.unprocessable("Enrolment not required",
                    "Session " + sessionId + " is open to every delegate without enrolment.",
                    Map.of("sessionId", sessionId));
        }
        if (!delegateStatus.map("APPROVED"::equals).orElse(false)) {
            throw Problems.unprocessable("Delegate not approved", "Registration " + registrationId
                    + " is not approved for conference " + conferenceId + "; only approved delegates may enrol.",
                    Map.of("registrationId", registrationId));
        }
        Optional<Enrolment> existing = enrolments.find(sessionId, registrationId);
        if (existing.isPresent()) {
            return new Outcome(existing.get(), false);
        }
        enrolments.overlappingEnrolment(registrationId, session).ifPresent(other -> {
            throw Problems.conflict("Overlapping enrolment", "Registration " + registrationId
                    + " is already enrolled in session " + other + ", which overlaps session " + sessionId + ".",
                    Map.of("conflictingSessionId", other));
        });

        Instant now = Instant.now();
        // Seats freed by a larger capacity in a later release go to those already waiting, not to a newcomer.
        promoteIntoFreeSeats(session, now);
        boolean seatFree = session.freeSeats(enrolments.confirmedCount(sessionId)) > 0;
        enrolments.insert(session, registrationId, seatFree ? EnrolmentStatus.CONFIRMED : EnrolmentStatus.WAITLISTED,
                now);
        Enrolment enrolment = enrolments.find(sessionId, registrationId).orElseThrow();
        if (enrolment.waitlisted()) {
            outbox.publish(new EnrolmentWaitlisted(sessionId, conferenceId, registrationId, enrolment.position(), now));
        } else {
            outbox.publish(new EnrolmentConfirmed(sessionId, conferenceId, registrationId, now));
        }
        return new Outcome(enrolment, true);
    }

    /** Frees the delegate's seat or place in line; a freed seat goes to the head of the waiting list. */
    @Transactional
    void leave(String conferenceId, String sessionId, String registrationId) {
        SessionForEnrolment session = enrolments.lockSession(conferenceId, sessionId)
                .orElseThrow(() -> Problems.notFound("Session", sessionId));
        if (!enrolments.delete(sessionId, registrationId)) {
            throw Problems.notFound("Enrolment", registrationId);
        }
        Instant now = Instant.now();
        outbox.publish(new EnrolmentCancelled(sessionId, conferenceId, registrationId, now));
        if (!session.cancelled()) {
            promoteIntoFreeSeats(session, now);
        }
    }

    @Transactional(readOnly = true)
    SessionEnrolments of(String conferenceId, String sessionId) {
        SessionForEnrolment session = enrolments.findSession(conferenceId, sessionId)
                .orElseThrow(() -> Problems.notFound("Session", sessionId));
        List<Enrolment> all = enrolments.allOf(sessionId);
        return new SessionEnrolments(sessionId, session.capacity(),
                all.stream().filter(enrolment -> !enrolment.waitlisted()).toList(),
                all.stream().filter(Enrolment::waitlisted).toList());
    }

    /** Caller holds the session's lock. */
    private void promoteIntoFreeSeats(SessionForEnrolment session, Instant now) {
        int freeSeats = session.freeSeats(enrolments.confirmedCount(session.sessionId()));
        for (String registrationId : enrolments.headOfWaitingList(session.sessionId(), freeSeats)) {
            enrolments.confirm(session.sessionId(), registrationId);
            outbox.publish(new EnrolmentPromoted(session.sessionId(), session.conferenceId(), registrationId, now));
        }
    }
}
