package org.learningcities.registration.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.validation.Validator;
import org.learningcities.contracts.registration.DelegateProfileChanged;
import org.learningcities.messaging.Outbox;
import org.learningcities.registration.registration.PendingProfileChanges.PendingProfileChange;
import org.learningcities.web.Problems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes a delegate's profile as a JSON merge patch: fields present replace the stored ones, {@code null}
 * clears an optional one. Once a delegate is approved, the conference's {@link ChangeRule} decides whether
 * a change applies, waits for the secretariat or is refused. Other services learn of changed languages and
 * needs on the public topic and of changed contact details on the internal one, in the same transaction.
 */
@Service
class ProfileChanges {

    /** Fields the server sets; a client naming one is told so instead of being silently ignored. */
    private static final Set<String> SERVER_OWNED = Set.of("id", "registrationId", "conferenceId", "status", "region",
            "registeredAt", "createdAt", "decidedAt", "decidedBy", "rejectionReason", "offerExpiresAt",
            "visaLetterRequested", "badgeToken", "accountId", "accountIds");
    /** Fields that decide accreditation and quotas, so only a new registration changes them. */
    private static final Set<String> FIXED_AT_REGISTRATION = Set.of("category", "countryCode", "delegationId");
    private static final Set<String> CHANGEABLE = Set.of("givenName", "familyName", "email", "phone", "organisation",
            "position", "city", "correspondenceLanguage", "listeningLanguages", "accessibilityNeeds", "dietaryNeeds");

    private final Registrations registrations;
    private final ChangeRules changeRules;
    private final PendingProfileChanges pendingChanges;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final SpringValidatorAdapter validator;
    private final Clock clock;

    ProfileChanges(Registrations registrations, ChangeRules changeRules, PendingProfileChanges pendingChanges,
                   Outbox outbox, TransactionTemplate transaction, JsonMapper json, Validator validator, Clock clock) {
        this.registrations = registrations;
        this.changeRules = changeRules;
        this.pendingChanges = pendingChanges;
        this.outbox = outbox;
        this.transaction = transaction;
        this.json = json;
        this.validator = new SpringValidatorAdapter(validator);
        this.clock = clock;
    }

    /** Applies the change, or holds it for the secretariat where the conference moderates changes. */
    Outcome change(String registrationId, Map<String, Object> patch) {
        refuseUnchangeableFields(patch.keySet());
        return withEmailRaceAnswered(() -> transaction.execute(status -> {
            Registration current = locked(registrationId);
            Instant now = now();
            return switch (permission(current, now)) {
                case APPLY -> new Outcome.Applied(apply(current, patch, now));
                case HOLD_FOR_SECRETARIAT -> {
                    // Checked now so the delegate hears of a mistake at once, not when the secretariat looks.
                    requireEmailFree(current, merged(current, patch).appliedTo(current));
                    PendingProfileChange held = new PendingProfileChange(UUID.randomUUID().toString(),
                            registrationId, patch, now, null);
                    pendingChanges.hold(held);
                    yield new Outcome.Held(held);
                }
                case REFUSE -> throw changesClosed(changeRules.of(current.conferenceId()));
            };
        }));
    }

    /** The secretariat accepts a held change; accepting it again changes nothing. */
    Registration accept(String registrationId, String changeId, String acceptedBy) {
        return withEmailRaceAnswered(() -> transaction.execute(status -> {
            Registration current = locked(registrationId);
            PendingProfileChange change = pendingChanges.findForUpdate(registrationId, changeId)
                    .orElseThrow(() -> Problems.notFound("Profile change", changeId));
            if (change.acceptedAt() != null) {
                return current;
            }
            requireLive(current);
            Instant now = now();
            Registration changed = apply(current, change.changes(), now);
            pendingChanges.accept(changeId, now, acceptedBy);
            return changed;
        }));
    }

    private Registration apply(Registration current, Map<String, Object> patch, Instant now) {
        Registration changed = merged(current, patch).appliedTo(current);
        requireEmailFree(current, changed);
        registrations.updateProfile(changed);
        if (profileChanged(current, changed)) {
            outbox.publish(new DelegateProfileChanged(current.id(), current.conferenceId(),
                    changed.category().name(), changed.correspondenceLanguage(), changed.listeningLanguages(),
                    isPresent(changed.accessibilityNeeds()), isPresent(changed.dietaryNeeds()), now));
        }
        if (!changed.contact().equals(current.contact())) {
            outbox.publish(changed.contact());
        }
        return registrations.find(current.id()).orElseThrow();
    }

    private ChangeRules.Permission permission(Registration registration, Instant now) {
        requireLive(registration);
        return registration.status() == RegistrationStatus.APPROVED
                ? changeRules.of(registration.conferenceId()).permissionAt(now)
                : ChangeRules.Permission.APPLY;
    }

    private void requireEmailFree(Registration current, Registration changed) {
        if (!changed.email().equalsIgnoreCase(current.email())) {
            registrations.idOfLiveRegistration(current.conferenceId(), changed.email())
                    .filter(other -> !other.equals(current.id()))
                    .ifPresent(other -> {
                        throw emailTaken();
                    });
        }
    }

    private static void requireLive(Registration registration) {
        if (registration.status() == RegistrationStatus.REJECTED
                || registration.status() == RegistrationStatus.WITHDRAWN) {
            throw Problems.conflict("Registration closed",
                    "A " + registration.status() + " registration cannot be changed.",
                    Map.of("status", registration.status().name()));
        }
    }

    private static ErrorResponseException changesClosed(ChangeRules.ConferenceRule rule) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("changeRule", rule.rule().name());
        if (rule.changesCloseAt() != null) {
            properties.put("changesCloseAt", rule.changesCloseAt().toString());
        }
        return Problems.conflict("Profile changes closed", "Approved delegates can no longer change their profile"
                + (rule.changesCloseAt() == null ? "" : " since " + rule.changesCloseAt()) + ".", properties);
    }

    /** Another request took the same e-mail address between our check and our update. */
    private static <T> T withEmailRaceAnswered(Supplier<T> work) {
        try {
            return work.get();
        } catch (DuplicateKeyException raceOnEmail) {
            throw emailTaken();
        }
    }

    private Registration locked(String registrationId) {
        return registrations.findForUpdate(registrationId)
                .orElseThrow(() -> Problems.notFound("Registration", registrationId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The stored profile with the patch laid over it, checked by the rules of a new registration. */
    private Profile merged(Registration current, Map<String, Object> patch) {
        Map<String, Object> fields = new LinkedHashMap<>(json.convertValue(Profile.of(current), Map.class));
        fields.putAll(patch);
        Profile profile;
        try {
            profile = json.convertValue(fields, Profile.class);
        } catch (MismatchedInputException mismatch) {
            throw Problems.invalidField(fieldOf(mismatch), "has the wrong type");
        } catch (JacksonException | IllegalArgumentException unreadable) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request",
                    "The changes could not be read as a registration profile.", Map.of());
        }
        Errors errors = new BeanPropertyBindingResult(profile, "profile");
        validator.validate(profile, errors);
        if (errors.hasFieldErrors()) {
            throw invalid(errors.getFieldErrors().stream()
                    .map(error -> new FieldProblem(error.getField(),
                            Objects.requireNonNullElse(error.getDefaultMessage(), "is invalid")))
                    .toList());
        }
        return profile;
    }

    private static void refuseUnchangeableFields(Set<String> fields) {
        List<FieldProblem> problems = fields.stream()
                .filter(field -> !CHANGEABLE.contains(field))
                .map(field -> new FieldProblem(field, SERVER_OWNED.contains(field)
                        ? "is set by the server and cannot be changed"
                        : FIXED_AT_REGISTRATION.contains(field)
                                ? "cannot be changed after registering; ask the secretariat"
                                : "is not a field of a registration profile"))
                .toList();
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
    }

    private static boolean profileChanged(Registration before, Registration after) {
        return !before.correspondenceLanguage().equals(after.correspondenceLanguage())
                || !before.listeningLanguages().equals(after.listeningLanguages())
                || !Objects.equals(before.accessibilityNeeds(), after.accessibilityNeeds())
                || !Objects.equals(before.dietaryNeeds(), after.dietaryNeeds());
    }

    private static boolean isPresent(String text) {
        return text != null && !text.isBlank();
    }

    private static String fieldOf(MismatchedInputException mismatch) {
        return mismatch.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static ErrorResponseException emailTaken() {
        return Problems.conflict("E-mail already registered",
                "Another registration for this conference already uses this e-mail address.", Map.of());
    }

    private static ErrorResponseException invalid(List<FieldProblem> problems) {
        List<FieldProblem> sorted = problems.stream().sorted(Comparator.comparing(FieldProblem::field)).toList();
        return Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", sorted.stream()
                        .map(problem -> problem.field() + " " + problem.message())
                        .collect(Collectors.joining("; ")),
                Map.of("errors", sorted.stream()
                        .map(problem -> Map.of("field", problem.field(), "message", problem.message()))
                        .toList()));
    }

    private record FieldProblem(String field, String message) {
    }

    /** Whether the change took effect or waits for the secretariat. */
    sealed interface Outcome {

        record Applied(Registration registration) implements Outcome {
        }

        record Held(PendingProfileChange change) implements Outcome {
        }
    }
}
