package org.learningcities.registration.delegation;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import org.learningcities.registration.conference.KnownConferences;
import org.learningcities.registration.conference.KnownConferences.Conference;
import org.learningcities.registration.country.Countries;
import org.learningcities.registration.registration.Registrar;
import org.learningcities.registration.registration.RegistrationRequest;
import org.learningcities.registration.registration.RegistrationView;
import org.learningcities.web.Problems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Member State delegations and the members their focal point registers. Anyone may call these for
 * now; restricting a delegation's members to its own focal point comes with authentication at the
 * gateway (security issue).
 */
@RestController
class DelegationController {

    private final Delegations delegations;
    private final KnownConferences conferences;
    private final Registrar registrar;
    private final SpringValidatorAdapter validator;
    private final Clock clock;

    DelegationController(Delegations delegations, KnownConferences conferences, Registrar registrar,
                         Validator validator, Clock clock) {
        this.delegations = delegations;
        this.conferences = conferences;
        this.registrar = registrar;
        this.validator = new SpringValidatorAdapter(validator);
        this.clock = clock;
    }

    @Operation(summary = "Form a Member State delegation with its focal point",
            description = "One delegation per country and conference; a second one for the same country is 409.")
    @PostMapping("/api/conferences/{conferenceId}/delegations")
    ResponseEntity<Delegation> create(@PathVariable String conferenceId,
                                      @Valid @RequestBody DelegationRequest request) {
        conference(conferenceId);
        Delegation delegation = new Delegation(UUID.randomUUID().toString(), conferenceId, request.countryCode(),
                Countries.regionOf(request.countryCode()), request.name().strip(), request.focalPoint());
        try {
            delegations.insert(delegation, clock.instant());
        } catch (DuplicateKeyException countryTaken) {
            throw delegations.idOfCountry(conferenceId, request.countryCode())
                    .map(existing -> alreadyFormed(conferenceId, existing))
                    .orElseThrow(() -> countryTaken);
        }
        return ResponseEntity.created(URI.create(path(conferenceId, delegation.id()))).body(delegation);
    }

    @Operation(summary = "List a conference's delegations")
    @GetMapping("/api/conferences/{conferenceId}/delegations")
    List<Delegation> list(@PathVariable String conferenceId) {
        conference(conferenceId);
        return delegations.of(conferenceId);
    }

    @Operation(summary = "Read a delegation")
    @GetMapping("/api/conferences/{conferenceId}/delegations/{delegationId}")
    Delegation delegation(@PathVariable String conferenceId, @PathVariable String delegationId) {
        return find(conferenceId, delegationId);
    }

    @Operation(summary = "Register a member of the delegation on their behalf (focal point)",
            description = "The body of a registration; category defaults to MEMBER_STATE_DELEGATE and the country "
                    + "must be the delegation's. Same Idempotency-Key, duplicate, capacity and waiting-list rules.")
    @PostMapping("/api/conferences/{conferenceId}/delegations/{delegationId}/members")
    ResponseEntity<RegistrationView> registerMember(
            @PathVariable String conferenceId,
            @PathVariable String delegationId,
            @RequestBody RegistrationRequest request,
            @Parameter(description = "Client-chosen key, unique per registration attempt (e.g. a UUID)")
            @RequestHeader(name = "Idempotency-Key", required = false)
            @Pattern(regexp = "[\\x21-\\x7E]{1,255}", message = "must be 1 to 255 visible ASCII characters")
            String idempotencyKey) {
        find(conferenceId, delegationId);
        RegistrationRequest member = request.asMemberOf(delegationId);
        // Validated only now: a missing category is legitimate here, filled in by asMemberOf.
        validate(member);
        Registrar.Outcome outcome = registrar.register(conferenceId, member, idempotencyKey);
        RegistrationView registration = outcome.view();
        return ResponseEntity.created(URI.create("/api/registrations/" + registration.id()))
                .header("Idempotent-Replayed", Boolean.toString(outcome.replayed()))
                .body(registration);
    }

    @Operation(summary = "List the delegation's members (no passport data)")
    @GetMapping("/api/conferences/{conferenceId}/delegations/{delegationId}/members")
    List<DelegationMember> members(@PathVariable String conferenceId, @PathVariable String delegationId) {
        Delegation delegation = find(conferenceId, delegationId);
        return delegations.members(delegation.id(), ZoneId.of(conference(conferenceId).timeZone()));
    }

    private Conference conference(String conferenceId) {
        return conferences.find(conferenceId).orElseThrow(() -> Problems.notFound("Conference", conferenceId));
    }

    private Delegation find(String conferenceId, String delegationId) {
        return delegations.find(conferenceId, delegationId)
                .orElseThrow(() -> Problems.notFound("Delegation", delegationId));
    }

    /** Answers like a validated request body: every invalid field named, in the same problem shape. */
    private void validate(RegistrationRequest member) {
        Errors errors = new BeanPropertyBindingResult(member, "member");
        validator.validate(member, errors);
        if (errors.hasFieldErrors()) {
            List<Map<String, Object>> fields = errors.getFieldErrors().stream()
                    .sorted(Comparator.comparing(FieldError::getField))
                    .map(error -> Map.<String, Object>of("field", error.getField(), "message",
                            error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage()))
                    .toList();
            throw Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", fields.stream()
                    .map(field -> field.get("field") + " " + field.get("message"))
                    .collect(Collectors.joining("; ")), Map.of("errors", fields));
        }
    }

    private static ErrorResponseException alreadyFormed(String conferenceId, String existingId) {
        return Problems.conflict("Delegation already formed",
                "This country already has a delegation at this conference.",
                Map.of("delegationId", existingId, "delegation", path(conferenceId, existingId)));
    }

    private static String path(String conferenceId, String delegationId) {
        return "/api/conferences/" + conferenceId + "/delegations/" + delegationId;
    }
}
