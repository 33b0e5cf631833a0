package org.learningcities.registration.registration;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.learningcities.registration.conference.KnownConferences;
import org.learningcities.registration.conference.KnownConferences.Conference;
import org.learningcities.registration.country.UnescoRegion;
import org.learningcities.security.Caller;
import org.learningcities.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RegistrationController {

    private final Registrar registrar;
    private final Registrations registrations;
    private final KnownConferences conferences;

    RegistrationController(Registrar registrar, Registrations registrations, KnownConferences conferences) {
        this.registrar = registrar;
        this.registrations = registrations;
        this.conferences = conferences;
    }

    @Operation(summary = "Register a delegate",
            description = "201 with status PENDING, or WAITLISTED when the conference is full. A retried request "
                    + "with the same Idempotency-Key returns the first result instead of registering twice. "
                    + "Anonymous visitors may register unless the conference requires an account (401); a delegate's "
                    + "own account is linked to the registration; a focal point registers into their own delegation "
                    + "only (403).")
    @PostMapping("/api/conferences/{conferenceId}/registrations")
    ResponseEntity<RegistrationView> register(
            @PathVariable String conferenceId,
            // Validated by the registrar once it has decided whether the caller may register at all.
            @RequestBody RegistrationRequest request,
            @Parameter(description = "Client-chosen key, unique per registration attempt (e.g. a UUID)")
            @RequestHeader(name = "Idempotency-Key", required = false)
            @Pattern(regexp = "[\\x21-\\x7E]{1,255}", message = "must be 1 to 255 visible ASCII characters")
            String idempotencyKey) {
        Registrar.Outcome outcome = registrar.register(conferenceId, request, idempotencyKey, Caller.current());
        return ResponseEntity.created(URI.create("/api/registrations/" + outcome.registration().id()))
                .header("Idempotent-Replayed", Boolean.toString(outcome.replayed()))
                .body(RegistrationView.of(outcome.registration(), outcome.conference()));
    }

    @Operation(summary = "Read a registration")
    @GetMapping("/api/registrations/{registrationId}")
    RegistrationView registration(@PathVariable String registrationId) {
        Registration registration = registrations.find(registrationId)
                .orElseThrow(() -> Problems.notFound("Registration", registrationId));
        return RegistrationView.of(registration, conferences.find(registration.conferenceId()).orElseThrow());
    }

    @Operation(summary = "Search a conference's registrations (secretariat)")
    @GetMapping("/api/conferences/{conferenceId}/registrations")
    List<RegistrationView> search(
            @PathVariable String conferenceId,
            @RequestParam(required = false) RegistrationStatus status,
            @RequestParam(required = false) Category category,
            @RequestParam(required = false) String countryCode,
            @RequestParam(required = false) UnescoRegion region,
            @RequestParam(required = false) String delegationId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Conference conference = conferences.find(conferenceId)
                .orElseThrow(() -> Problems.notFound("Conference", conferenceId));
        return registrations.search(new RegistrationSearch(conferenceId, status, category, countryCode, region,
                        delegationId, page, size)).stream()
                .map(registration -> RegistrationView.of(registration, conference))
                .toList();
    }
}
