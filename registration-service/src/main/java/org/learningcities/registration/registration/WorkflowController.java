package org.learningcities.registration.registration;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.learningcities.registration.conference.KnownConferences;
import org.learningcities.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Decisions on a registration, waiting-list offers and profile changes after registering. */
@RestController
class WorkflowController {

    private final Workflow workflow;
    private final ProfileChanges profileChanges;
    private final KnownConferences conferences;

    WorkflowController(Workflow workflow, ProfileChanges profileChanges, KnownConferences conferences) {
        this.workflow = workflow;
        this.profileChanges = profileChanges;
        this.conferences = conferences;
    }

    @Operation(summary = "Approve a pending registration (secretariat)",
            description = "PENDING -> APPROVED and DelegateApproved. Approving an approved registration changes "
                    + "nothing; any other status is a 409 naming it.")
    @PostMapping("/api/registrations/{registrationId}/approval")
    RegistrationView approve(@PathVariable String registrationId) {
        return view(workflow.approve(registrationId, actingAccount()));
    }

    @Operation(summary = "Reject a pending or waitlisted registration (secretariat)",
            description = "-> REJECTED with the reason given to the delegate, and DelegateRejected. A place it held "
                    + "is offered to the first in the waiting list.")
    @PostMapping("/api/registrations/{registrationId}/rejection")
    RegistrationView reject(@PathVariable String registrationId, @Valid @RequestBody Rejection rejection) {
        return view(workflow.reject(registrationId, rejection.reason().strip(), actingAccount()));
    }

    @Operation(summary = "Withdraw a registration",
            description = "Any live status -> WITHDRAWN and DelegateWithdrawn. A place it held is offered to the "
                    + "first in the waiting list.")
    @PostMapping("/api/registrations/{registrationId}/withdrawal")
    RegistrationView withdraw(@PathVariable String registrationId) {
        return view(workflow.withdraw(registrationId, actingAccount()));
    }

    @Operation(summary = "Accept the place offered from the waiting list",
            description = "WAITLISTED with an open offer -> PENDING. 409 once the offer expired.")
    @PostMapping("/api/registrations/{registrationId}/offer-acceptance")
    RegistrationView acceptOffer(@PathVariable String registrationId) {
        return view(workflow.acceptOffer(registrationId));
    }

    @Operation(summary = "Change a delegate's profile",
            description = "JSON merge patch of names, email, phone, organisation, position, city, "
                    + "correspondenceLanguage, listeningLanguages, accessibilityNeeds, dietaryNeeds. Other fields are "
                    + "refused with 400 naming them. 200 with the changed registration; once approved, the "
                    + "conference's change rule applies: ALLOWED (200), MODERATED (202 with the change held for the "
                    + "secretariat) or CLOSED (200 until its deadline, then 409).")
    @PatchMapping(path = "/api/registrations/{registrationId}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    ResponseEntity<?> changeProfile(@PathVariable String registrationId, @RequestBody Map<String, Object> patch) {
        return switch (profileChanges.change(registrationId, patch)) {
            case ProfileChanges.Outcome.Applied applied -> ResponseEntity.ok(view(applied.registration()));
            case ProfileChanges.Outcome.Held held -> ResponseEntity.accepted()
                    .location(URI.create("/api/registrations/" + registrationId + "/profile-changes/"
                            + held.change().changeId()))
                    .body(held.change());
        };
    }

    @Operation(summary = "Accept a profile change held for moderation (secretariat)",
            description = "Applies the change and announces it. Accepting it again changes nothing.")
    @PostMapping("/api/registrations/{registrationId}/profile-changes/{changeId}/acceptance")
    RegistrationView acceptProfileChange(@PathVariable String registrationId, @PathVariable String changeId) {
        return view(profileChanges.accept(registrationId, changeId, actingAccount()));
    }

    /** Decisions record the account of the token they were made with, never a name the client claims. */
    private static String actingAccount() {
        return Caller.current().accountId()
                .orElseThrow(() -> new IllegalStateException("Decisions are authenticated by the security rules"));
    }

    private RegistrationView view(Registration registration) {
        return RegistrationView.of(registration, conferences.find(registration.conferenceId()).orElseThrow());
    }

    /** @param reason told to the delegate */
    record Rejection(@NotBlank @Size(max = 2000) String reason) {
    }
}
