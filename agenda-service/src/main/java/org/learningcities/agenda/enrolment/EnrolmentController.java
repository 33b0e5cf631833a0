package org.learningcities.agenda.enrolment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.learningcities.agenda.access.RegistrationAccess;
import org.learningcities.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/conferences/{conferenceId}/sessions/{sessionId}/enrolments")
@Tag(name = "Enrolments", description = "Seats and waiting lists of released sessions that require enrolment")
class EnrolmentController {

    private final Enrolling enrolling;
    private final RegistrationAccess access;

    EnrolmentController(Enrolling enrolling, RegistrationAccess access) {
        this.enrolling = enrolling;
        this.access = access;
    }

    @PostMapping
    @Operation(summary = "Enrol an approved delegate in a session",
            description = "201 with a confirmed seat, or 202 with a place on the waiting list when the session is "
                    + "full. Posting again answers 200 with the existing enrolment. Refused with 422 for a delegate "
                    + "not approved for the conference or a session that is cancelled or needs no enrolment, and "
                    + "with 409 naming the other session when the delegate is enrolled in an overlapping one. "
                    + "Publishes EnrolmentConfirmed or EnrolmentWaitlisted on agenda.enrolments.v1. A delegate or "
                    + "focal point may enrol only a registration linked to their account (403 otherwise); the "
                    + "secretariat may enrol anyone.")
    ResponseEntity<Enrolment> enrol(@PathVariable String conferenceId, @PathVariable String sessionId,
                                    @Valid @RequestBody EnrolmentRequest request) {
        // The registration is in the body, out of the filter chain's sight: checked once the body is read.
        access.requireMayActFor(Caller.current(), request.registrationId());
        Enrolling.Outcome outcome = enrolling.enrol(conferenceId, sessionId, request.registrationId());
        HttpStatus status = !outcome.created() ? HttpStatus.OK
                : outcome.enrolment().waitlisted() ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
        return ResponseEntity.status(status).body(outcome.enrolment());
    }

    @DeleteMapping("/{registrationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Leave a session or its waiting list",
            description = "A freed seat goes to the first delegate on the waiting list (EnrolmentPromoted) and "
                    + "everyone behind moves up. Publishes EnrolmentCancelled. A delegate or focal point may only "
                    + "withdraw a registration linked to their account; the secretariat anyone.")
    void leave(@PathVariable String conferenceId, @PathVariable String sessionId,
               @PathVariable String registrationId) {
        enrolling.leave(conferenceId, sessionId, registrationId);
    }

    @GetMapping
    @Operation(summary = "Confirmed delegates and the waiting list of a session, for the secretariat")
    SessionEnrolments list(@PathVariable String conferenceId, @PathVariable String sessionId) {
        return enrolling.of(conferenceId, sessionId);
    }
}
