package org.learningcities.registration.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.learningcities.messaging.Outbox;
import org.learningcities.registration.conference.KnownConferences;
import org.learningcities.registration.conference.KnownConferences.Conference;
import org.learningcities.registration.country.Countries;
import org.learningcities.registration.visa.VisaLetters;
import org.learningcities.web.Problems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers delegates. The registration, its place in the conference and the events announcing it
 * commit together, so nothing accepted is lost and no event reports a registration that was not stored.
 */
@Service
public class Registrar {

    private final Registrations registrations;
    private final KnownConferences conferences;
    private final IdempotencyKeys idempotencyKeys;
    private final Places places;
    private final DelegationMembership delegationMembership;
    private final VisaLetters visaLetters;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;

    Registrar(Registrations registrations, KnownConferences conferences, IdempotencyKeys idempotencyKeys,
              Places places, DelegationMembership delegationMembership, VisaLetters visaLetters, Outbox outbox,
              TransactionTemplate transaction, JsonMapper json, Clock clock) {
        this.registrations = registrations;
        this.conferences = conferences;
        this.idempotencyKeys = idempotencyKeys;
        this.places = places;
        this.delegationMembership = delegationMembership;
        this.visaLetters = visaLetters;
        this.outbox = outbox;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param idempotencyKey the client's key for this attempt, or null
     * @return the new registration, or the one an earlier request with the same key created
     */
    public Outcome register(String conferenceId, RegistrationRequest request, String idempotencyKey) {
        try {
            return transaction.execute(status -> registerOnce(conferenceId, request, idempotencyKey));
        } catch (DuplicateKeyException raceOnEmail) {
            // Another request registered the same address between our check and our insert.
            throw registrations.idOfLiveRegistration(conferenceId, request.email())
                    .map(Registrar::alreadyRegistered)
                    .orElseThrow(() -> raceOnEmail);
        }
    }

    private Outcome registerOnce(String conferenceId, RegistrationRequest request, String idempotencyKey) {
        Conference conference = conferences.find(conferenceId)
                .orElseThrow(() -> Problems.notFound("Conference", conferenceId));
        if (idempotencyKey != null) {
            Optional<Outcome> replay = replayOf(conferenceId, request, idempotencyKey);
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
        RegistrationStatus status = places.take(conferenceId) ? RegistrationStatus.PENDING : RegistrationStatus.WAITLISTED;
        Registration registration = Registration.received(UUID.randomUUID().toString(), conferenceId, status, request,
                Countries.regionOf(request.countryCode()), now);
        registrations.insert(registration);
        if (request.visaLetter() != null) {
            visaLetters.store(registration.id(), conferenceId, request.visaLetter());
        }
        if (idempotencyKey != null) {
            idempotencyKeys.complete(conferenceId, idempotencyKey, registration.id());
        }
        outbox.publish(registration.registered());
        outbox.publish(registration.contact());
        return new Outcome(registration, conference, false);
    }

    private Optional<Outcome> replayOf(String conferenceId, RegistrationRequest request, String idempotencyKey) {
        String fingerprint = fingerprint(conferenceId, request);
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

    private String fingerprint(String conferenceId, RegistrationRequest request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(conferenceId.getBytes(StandardCharsets.UTF_8));
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
