package org.learningcities.registration.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Validator;
import org.learningcities.contracts.registration.RegistrationAccountsLinked;
import org.learningcities.messaging.Outbox;
import org.learningcities.registration.conference.KnownConferences;
import org.learningcities.registration.conference.KnownConferences.Conference;
import org.learningcities.registration.country.Countries;
import org.learningcities.registration.registration.RegistrationAccounts.AccountLink;
import org.learningcities.registration.registration.RegistrationAccounts.LinkKind;
import org.learningcities.registration.visa.VisaLetters;
import org.learningcities.security.Caller;
import org.learningcities.security.Role;
import org.learningcities.web.Problems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers delegates. The registration, its place in the conference, the accounts linked to it and the events
 * announcing it commit together, so nothing accepted is lost and no event reports a registration that was not
 * stored. Who may register is decided here, before the request body is validated: anonymous visitors only where the
 * conference does not require an account, focal points only into their own delegation.
 */
@Service
public class Registrar {

    private final Registrations registrations;
    private final KnownConferences conferences;
    private final IdempotencyKeys idempotencyKeys;
    private final Places places;
    private final DelegationMembership delegationMembership;
    private final VisaLetters visaLetters;
    private final RegistrationAccounts accounts;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final SpringValidatorAdapter validator;
    private final Clock clock;

    Registrar(Registrations registrations, KnownConferences conferences, IdempotencyKeys idempotencyKeys,
              Places places, DelegationMembership delegationMembership, VisaLetters visaLetters,
              RegistrationAccounts accounts, Outbox outbox, TransactionTemplate transaction, JsonMapper json,
              Validator validator, Clock clock) {
        this.registrations = registrations;
        this.conferences = conferences;
        this.idempotencyKeys = idempotencyKeys;
        this.places = places;
        this.delegationMembership = delegationMembership;
        this.visaLetters = visaLetters;
        this.accounts = accounts;
        this.outbox = outbox;
        this.transaction = transaction;
        this.json = json;
        this.validator = new SpringValidatorAdapter(validator);
        this.clock = clock;
    }

    /**
     * @param request        not yet validated: who may register is decided first, so an anonymous visitor of a
     *                       conference requiring an account hears that rather than about their form
     * @param idempotencyKey the client's key for this attempt, or null
     * @param caller         who registers: a delegate's own account is linked to the registration
     * @return the new registration, or the one an earlier request with the same key created
     */
    public Outcome register(String conferenceId, RegistrationRequest request, String idempotencyKey, Caller caller) {
        Conference conference = conferences.find(conferenceId)
                .orElseThrow(() -> Problems.notFound("Conference", conferenceId));
        if (caller.isAnonymous() && conference.accountRequired()) {
            throw accountRequired(conference);
        }
        if (registersOnlyForTheirDelegation(caller)) {
            requireOwnDelegation(conferenceId, request.delegationId(), caller);
        }
        validate(request);
        try {
            return transaction.execute(status -> registerOnce(conferenceId, request, idempotencyKey, caller));
        } catch (DuplicateKeyException raceOnEmail) {
            // Another request registered the same address between our check and our insert.
            throw registrations.idOfLiveRegistration(conferenceId, request.email())
                    .map(Registrar::alreadyRegistered)
                    .orElseThrow(() -> raceOnEmail);
        }
    }

    private Outcome registerOnce(String conferenceId, RegistrationRequest request, String idempotencyKey,
                                 Caller caller) {
        Conference conference = conferences.find(conferenceId)
                .orElseThrow(() -> Problems.notFound("Conference", conferenceId));
        if (idempotencyKey != null) {
            Optional<Outcome> replay = replayOf(conferenceId, request, idempotencyKey, caller);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!conference.acceptsRegistrationsAt(now)) {
            throw registrationClosed(conference);
        }
        if (request.delegationId() != null) {
            delegationMembership.confirm(conferenceId, request.delegationId(), request.countryCode());
        }
        registrations.idOfLiveRegistration(conferenceId, request.email()).ifPresent(existing -> {
            throw alreadyRegistered(existing);
        });
        Registration registration = Registration.received(UUID.randomUUID().toString(), conferenceId,
                RegistrationStatus.PENDING, request, Countries.regionOf(request.countryCode()), now);
        registrations.insert(registration);
        if (request.visaLetter() != null) {
            visaLetters.store(registration.id(), conferenceId, request.visaLetter());
        }
        if (idempotencyKey != null) {
            idempotencyKeys.complete(conferenceId, idempotencyKey, registration.id());
        }
        List<AccountLink> links = linksOf(conferenceId, request, caller);
        accounts.link(registration.id(), links);
        // The place is taken last: it locks the conference's row until commit, and every registration for the
        // conference queues for that lock, so it is held only for the outbox writes and the commit, not for the
        // whole registration. No one else sees the registration before commit, so taking its place last changes
        // nothing about who gets one.
        if (!places.take(conferenceId)) {
            registration = registration.waitlisted();
            registrations.waitlist(registration.id());
        }
        outbox.publish(registration.registered());
        outbox.publish(registration.contact());
        // Published even when empty: the latest event per registration is what other services go by.
        outbox.publish(new RegistrationAccountsLinked(registration.id(), conferenceId, AccountLink.accountIds(links)));
        return new Outcome(registration, conference, false);
    }

    /**
     * A delegate's own account, and the focal point of the delegation the registration joins. The secretariat
     * registering on someone's behalf is not linked: it reaches every registration by its role anyway.
     */
    private List<AccountLink> linksOf(String conferenceId, RegistrationRequest request, Caller caller) {
        List<AccountLink> links = new ArrayList<>();
        if (caller.has(Role.DELEGATE)) {
            caller.accountId().ifPresent(account -> links.add(new AccountLink(account, LinkKind.DELEGATE)));
        }
        if (request.delegationId() != null) {
            delegationMembership.focalPointAccount(conferenceId, request.delegationId())
                    .ifPresent(account -> links.add(new AccountLink(account, LinkKind.FOCAL_POINT)));
        }
        return links;
    }

    /** A focal point acting as such, not as a delegate registering themselves nor as the secretariat. */
    private static boolean registersOnlyForTheirDelegation(Caller caller) {
        return caller.has(Role.FOCAL_POINT) && !caller.hasAny(Role.DELEGATE, Role.SECRETARIAT);
    }

    private void requireOwnDelegation(String conferenceId, String delegationId, Caller caller) {
        boolean own = delegationId != null && delegationMembership.focalPointAccount(conferenceId, delegationId)
                .filter(account -> caller.accountId().filter(account::equals).isPresent())
                .isPresent();
        if (!own) {
            throw Problems.problem(HttpStatus.FORBIDDEN, "Not your delegation",
                    "A focal point registers members of the delegation they head only: name its delegationId.",
                    Map.of());
        }
    }

    /** Answers like a validated request body: every invalid field named, in the same problem shape. */
    private void validate(RegistrationRequest request) {
        Errors errors = new BeanPropertyBindingResult(request, "registration");
        validator.validate(request, errors);
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

    private Optional<Outcome> replayOf(String conferenceId, RegistrationRequest request, String idempotencyKey,
                                       Caller caller) {
        String fingerprint = fingerprint(conferenceId, request, caller);
        return idempotencyKeys.claim(conferenceId, idempotencyKey, fingerprint).map(earlier -> {
            if (!earlier.fingerprint().equals(fingerprint)) {
                throw Problems.unprocessable("Idempotency-Key reused",
                        "This Idempotency-Key was already used for a different registration request. "
                                + "Use a new key for a new request.", Map.of());
            }
            Registration registration = registrations.find(earlier.registrationId()).orElseThrow();
            return new Outcome(registration, conferences.find(conferenceId).orElseThrow(), true);
        });
    }

    /** Includes the caller, so another account replaying someone's key is refused instead of shown their registration. */
    private String fingerprint(String conferenceId, RegistrationRequest request, Caller caller) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(conferenceId.getBytes(StandardCharsets.UTF_8));
            sha256.update(caller.accountId().orElse("").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(json.writeValueAsBytes(request)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static ErrorResponseException alreadyRegistered(String existingId) {
        return Problems.conflict("Already registered",
                "This e-mail address is already registered for this conference.",
                Map.of("registrationId", existingId, "registration", "/api/registrations/" + existingId));
    }

    private static ErrorResponseException accountRequired(Conference conference) {
        ErrorResponseException problem = Problems.problem(HttpStatus.UNAUTHORIZED, "Account required",
                "Registering for " + conference.title() + " needs an account: sign in as a delegate, focal point "
                        + "or secretariat member and send Authorization: Bearer <token>.", Map.of());
        problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return problem;
    }

    private static ErrorResponseException registrationClosed(Conference conference) {
        ZoneId zone = ZoneId.of(conference.timeZone());
        return Problems.unprocessable("Registration closed",
                "Registration for " + conference.title() + " is open from "
                        + conference.registrationOpens().atZone(zone).toLocalDateTime() + " to "
                        + conference.registrationCloses().atZone(zone).toLocalDateTime() + " (" + zone + ").",
                Map.of("registrationOpens", conference.registrationOpens().toString(),
                        "registrationCloses", conference.registrationCloses().toString()));
    }

    /** @param replayed true when an earlier request with the same Idempotency-Key created it */
    public record Outcome(Registration registration, Conference conference, boolean replayed) {

        public RegistrationView view() {
            return RegistrationView.of(registration, conference);
        }
    }
}
