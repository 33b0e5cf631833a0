package org.learningcities.contracts;

import java.util.List;
import java.util.Optional;

import org.learningcities.contracts.agenda.ConferenceScheduled;
import org.learningcities.contracts.agenda.EnrolmentCancelled;
import org.learningcities.contracts.agenda.EnrolmentConfirmed;
import org.learningcities.contracts.agenda.EnrolmentPromoted;
import org.learningcities.contracts.agenda.EnrolmentWaitlisted;
import org.learningcities.contracts.agenda.ScheduleReleased;
import org.learningcities.contracts.agenda.SessionCancelled;
import org.learningcities.contracts.agenda.SessionRelocated;
import org.learningcities.contracts.agenda.SessionRescheduled;
import org.learningcities.contracts.agenda.SessionScheduled;
import org.learningcities.contracts.interpretation.CoverageChanged;
import org.learningcities.contracts.interpretation.InterpreterAssigned;
import org.learningcities.contracts.interpretation.InterpreterContactChanged;
import org.learningcities.contracts.interpretation.InterpreterReleased;
import org.learningcities.contracts.notification.NotificationFailed;
import org.learningcities.contracts.registration.BadgeIssued;
import org.learningcities.contracts.registration.RegistrationAccountsLinked;
import org.learningcities.contracts.registration.DelegateApproved;
import org.learningcities.contracts.registration.DelegateCheckedIn;
import org.learningcities.contracts.registration.DelegateContactChanged;
import org.learningcities.contracts.registration.DelegateProfileChanged;
import org.learningcities.contracts.registration.DelegateRejected;
import org.learningcities.contracts.registration.DelegateWithdrawn;
import org.learningcities.contracts.registration.WaitlistOfferExpired;
import org.learningcities.contracts.registration.WaitlistOfferMade;
import org.learningcities.contracts.registration.DelegateRegistered;

/** Every event type the platform publishes, so producers, consumers and tests share one list. */
public final class EventCatalog {

    public static final EventType<ConferenceScheduled> CONFERENCE_SCHEDULED = new EventType<>(
            "org.learningcities.agenda.conference.scheduled.v1", Topics.AGENDA_CONFERENCES,
            ConferenceScheduled.class);

    public static final EventType<DelegateRegistered> DELEGATE_REGISTERED = new EventType<>(
            "org.learningcities.registration.delegate.registered.v1", Topics.REGISTRATION_DELEGATES,
            DelegateRegistered.class);

    public static final EventType<DelegateContactChanged> DELEGATE_CONTACT_CHANGED = new EventType<>(
            "org.learningcities.registration.delegate.contact-changed.v1", Topics.REGISTRATION_CONTACTS_INTERNAL,
            DelegateContactChanged.class);

    public static final EventType<ScheduleReleased> SCHEDULE_RELEASED = new EventType<>(
            "org.learningcities.agenda.schedule.released.v1", Topics.AGENDA_CONFERENCES, ScheduleReleased.class);

    public static final EventType<SessionScheduled> SESSION_SCHEDULED = new EventType<>(
            "org.learningcities.agenda.session.scheduled.v1", Topics.AGENDA_SESSIONS, SessionScheduled.class);

    public static final EventType<SessionRescheduled> SESSION_RESCHEDULED = new EventType<>(
            "org.learningcities.agenda.session.rescheduled.v1", Topics.AGENDA_SESSIONS, SessionRescheduled.class);

    public static final EventType<SessionRelocated> SESSION_RELOCATED = new EventType<>(
            "org.learningcities.agenda.session.relocated.v1", Topics.AGENDA_SESSIONS, SessionRelocated.class);

    public static final EventType<SessionCancelled> SESSION_CANCELLED = new EventType<>(
            "org.learningcities.agenda.session.cancelled.v1", Topics.AGENDA_SESSIONS, SessionCancelled.class);

    public static final EventType<EnrolmentConfirmed> ENROLMENT_CONFIRMED = new EventType<>(
            "org.learningcities.agenda.enrolment.confirmed.v1", Topics.AGENDA_ENROLMENTS, EnrolmentConfirmed.class);

    public static final EventType<EnrolmentWaitlisted> ENROLMENT_WAITLISTED = new EventType<>(
            "org.learningcities.agenda.enrolment.waitlisted.v1", Topics.AGENDA_ENROLMENTS, EnrolmentWaitlisted.class);

    public static final EventType<EnrolmentPromoted> ENROLMENT_PROMOTED = new EventType<>(
            "org.learningcities.agenda.enrolment.promoted.v1", Topics.AGENDA_ENROLMENTS, EnrolmentPromoted.class);

    public static final EventType<EnrolmentCancelled> ENROLMENT_CANCELLED = new EventType<>(
            "org.learningcities.agenda.enrolment.cancelled.v1", Topics.AGENDA_ENROLMENTS, EnrolmentCancelled.class);

    public static final EventType<DelegateApproved> DELEGATE_APPROVED = new EventType<>(
            "org.learningcities.registration.delegate.approved.v1", Topics.REGISTRATION_DELEGATES,
            DelegateApproved.class);

    public static final EventType<DelegateRejected> DELEGATE_REJECTED = new EventType<>(
            "org.learningcities.registration.delegate.rejected.v1", Topics.REGISTRATION_DELEGATES,
            DelegateRejected.class);

    public static final EventType<DelegateWithdrawn> DELEGATE_WITHDRAWN = new EventType<>(
            "org.learningcities.registration.delegate.withdrawn.v1", Topics.REGISTRATION_DELEGATES,
            DelegateWithdrawn.class);

    public static final EventType<DelegateProfileChanged> DELEGATE_PROFILE_CHANGED = new EventType<>(
            "org.learningcities.registration.delegate.profile-changed.v1", Topics.REGISTRATION_DELEGATES,
            DelegateProfileChanged.class);

    public static final EventType<DelegateCheckedIn> DELEGATE_CHECKED_IN = new EventType<>(
            "org.learningcities.registration.delegate.checked-in.v1", Topics.REGISTRATION_DELEGATES,
            DelegateCheckedIn.class);

    public static final EventType<WaitlistOfferMade> WAITLIST_OFFER_MADE = new EventType<>(
            "org.learningcities.registration.waitlist.offer-made.v1", Topics.REGISTRATION_DELEGATES,
            WaitlistOfferMade.class);

    public static final EventType<WaitlistOfferExpired> WAITLIST_OFFER_EXPIRED = new EventType<>(
            "org.learningcities.registration.waitlist.offer-expired.v1", Topics.REGISTRATION_DELEGATES,
            WaitlistOfferExpired.class);

    public static final EventType<BadgeIssued> BADGE_ISSUED = new EventType<>(
            "org.learningcities.registration.badge.issued.v1", Topics.REGISTRATION_BADGES_INTERNAL,
            BadgeIssued.class);

    public static final EventType<RegistrationAccountsLinked> REGISTRATION_ACCOUNTS_LINKED = new EventType<>(
            "org.learningcities.registration.registration.accounts-linked.v1", Topics.REGISTRATION_ACCOUNTS_INTERNAL,
            RegistrationAccountsLinked.class);

    public static final EventType<InterpreterAssigned> INTERPRETER_ASSIGNED = new EventType<>(
            "org.learningcities.interpretation.interpreter.assigned.v1", Topics.INTERPRETATION_ASSIGNMENTS,
            InterpreterAssigned.class);

    public static final EventType<InterpreterReleased> INTERPRETER_RELEASED = new EventType<>(
            "org.learningcities.interpretation.interpreter.released.v1", Topics.INTERPRETATION_ASSIGNMENTS,
            InterpreterReleased.class);

    public static final EventType<CoverageChanged> COVERAGE_CHANGED = new EventType<>(
            "org.learningcities.interpretation.coverage.changed.v1", Topics.INTERPRETATION_ASSIGNMENTS,
            CoverageChanged.class);

    public static final EventType<InterpreterContactChanged> INTERPRETER_CONTACT_CHANGED = new EventType<>(
            "org.learningcities.interpretation.interpreter.contact-changed.v1",
            Topics.INTERPRETATION_INTERPRETERS_INTERNAL, InterpreterContactChanged.class);

    public static final EventType<NotificationFailed> NOTIFICATION_FAILED = new EventType<>(
            "org.learningcities.notification.notification.failed.v1", Topics.NOTIFICATION_DELIVERIES,
            NotificationFailed.class);

    public static final List<EventType<?>> ALL = List.of(
            CONFERENCE_SCHEDULED, SCHEDULE_RELEASED,
            SESSION_SCHEDULED, SESSION_RESCHEDULED, SESSION_RELOCATED, SESSION_CANCELLED,
            ENROLMENT_CONFIRMED, ENROLMENT_WAITLISTED, ENROLMENT_PROMOTED, ENROLMENT_CANCELLED,
            DELEGATE_REGISTERED, DELEGATE_APPROVED, DELEGATE_REJECTED, DELEGATE_WITHDRAWN, DELEGATE_PROFILE_CHANGED,
            DELEGATE_CHECKED_IN, WAITLIST_OFFER_MADE, WAITLIST_OFFER_EXPIRED, DELEGATE_CONTACT_CHANGED, BADGE_ISSUED,
            REGISTRATION_ACCOUNTS_LINKED,
            INTERPRETER_ASSIGNED, INTERPRETER_RELEASED, COVERAGE_CHANGED, INTERPRETER_CONTACT_CHANGED,
            NOTIFICATION_FAILED);

    private EventCatalog() {
    }

    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(candidate -> candidate.type().equals(type)).findFirst();
    }

    @SuppressWarnings("unchecked")
    public static <E extends IntegrationEvent> EventType<E> of(Class<E> payloadClass) {
        return (EventType<E>) ALL.stream()
                .filter(candidate -> candidate.payloadClass().equals(payloadClass))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + payloadClass.getName()));
    }
}
