package org.learningcities.registration.delegation;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.learningcities.registration.conference.KnownConferences;
import org.learningcities.registration.conference.KnownConferences.Conference;
import org.learningcities.registration.country.Countries;
import org.learningcities.registration.registration.Registrar;
import org.learningcities.registration.registration.RegistrationRequest;
import org.learningcities.registration.registration.RegistrationView;
import org.learningcities.security.Caller;
import org.learningcities.security.Role;
import org.learningcities.web.Problems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Member State delegations and the members their focal point registers. The secretariat reaches every
 * delegation; a focal point only those their account heads (the security rules check the path's delegation
 * before these methods run, and listing filters by account).
 */
@RestController
class DelegationController {

    private final Delegations delegations;
    private final KnownConferences conferences;
    private final Registrar registrar;
    private final Clock clock;

    DelegationController(Delegations delegations, KnownConferences conferences, Registrar registrar, Clock clock) {
        this.delegations = delegations;
        this.conferences = conferences;
        this.registrar = registrar;
        this.clock = clock;
    }

    @Operation(summary = "Form a Member State delegation with its focal point",
            description = "One delegation per country and conference; a second one for the same country is 409. "
                    + "A focal point forming it becomes its focal point account; the secretariat may name one in "
                    + "focalPoint.accountId.")
    @PostMapping("/api/conferences/{conferenceId}/delegations")
    ResponseEntity<Delegation> create(@PathVariable String conferenceId,
                                      @Valid @RequestBody DelegationRequest request) {
        conference(conferenceId);
        Delegation delegation = new Delegation(UUID.randomUUID().toString(), conferenceId, request.countryCode(),
                Countries.regionOf(request.countryCode()), request.name().strip(),
                request.focalPoint().withAccount(focalPointAccount(request.focalPoint(), Caller.current())));
        try {
            delegations.insert(delegation, clock.instant());
        } catch (DuplicateKeyException countryTaken) {
            throw delegations.idOfCountry(conferenceId, request.countryCode())
                    .map(existing -> alreadyFormed(conferenceId, existing))
                    .orElseThrow(() -> countryTaken);
        }
        return ResponseEntity.created(URI.create(path(conferenceId, delegation.id()))).body(delegation);
    }

    @Operation(summary = "List a conference's delegations",
            description = "All of them for the secretariat; a focal point sees the delegations they head.")
    @GetMapping("/api/conferences/{conferenceId}/delegations")
    List<Delegation> list(@PathVariable String conferenceId) {
        conference(conferenceId);
        Caller caller = Caller.current();
        return caller.has(Role.SECRETARIAT) ? delegations.of(conferenceId)
                : delegations.headedBy(conferenceId, caller.accountId().orElseThrow());
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
        // The registrar validates it: a missing category is legitimate here, filled in by asMemberOf.
        Registrar.Outcome outcome = registrar.register(conferenceId, request.asMemberOf(delegationId), idempotencyKey,
                Caller.current());
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

    /**
     * A focal point forming a delegation heads it with their own account; the secretariat names the focal point's
     * account, or leaves it to be linked later.
     */
    private static String focalPointAccount(FocalPoint focalPoint, Caller caller) {
        if (caller.has(Role.SECRETARIAT)) {
            return focalPoint.accountId();
        }
        String own = caller.accountId().orElseThrow();
        if (focalPoint.accountId() != null && !focalPoint.accountId().equals(own)) {
            throw Problems.invalidField("focalPoint.accountId",
                    "must be your own account: a focal point forms the delegation they head");
        }
        return own;
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
