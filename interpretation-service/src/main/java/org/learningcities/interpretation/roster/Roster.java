package org.learningcities.interpretation.roster;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.learningcities.interpretation.language.LanguageTag;
import org.learningcities.messaging.Outbox;
import org.learningcities.web.Problems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the roster. Every change commits together with the contact event for notification-service and the
 * re-planning request for the conferences it touches, so planning never misses a roster change.
 */
@Service
class Roster {

    private final Interpreters interpreters;
    private final IdempotencyKeys idempotencyKeys;
    private final RosterValidation validation;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    Roster(Interpreters interpreters, IdempotencyKeys idempotencyKeys, RosterValidation validation, Outbox outbox,
           TransactionTemplate transaction, JsonMapper json) {
        this.interpreters = interpreters;
        this.idempotencyKeys = idempotencyKeys;
        this.validation = validation;
        this.outbox = outbox;
        this.transaction = transaction;
        this.json = json;
    }

    /** @param idempotencyKey the client's key for this attempt, or null */
    Added add(InterpreterRequest request, String idempotencyKey) {
        RosterEntry entry = validation.entry(request);
        try {
            return transaction.execute(status -> addOnce(request, entry, idempotencyKey));
        } catch (DuplicateKeyException raceOnEmail) {
            // Another request put the same address on the roster between our check and our insert.
            throw interpreters.idByEmail(entry.email()).map(Roster::alreadyOnRoster).orElseThrow(() -> raceOnEmail);
        }
    }

    Optional<InterpreterView> find(String interpreterId) {
        return interpreters.find(interpreterId).map(entry -> InterpreterView.of(interpreterId, entry));
    }

    /** @param language a BCP 47 tag the interpreter holds in any class, or null for everyone */
    List<InterpreterView> list(String language) {
        return interpreters.list(language == null ? null : LanguageTag.Validator.canonical(language)).entrySet()
                .stream()
                .map(interpreter -> InterpreterView.of(interpreter.getKey(), interpreter.getValue()))
                .toList();
    }

    /** Replaces everything the roster holds about the interpreter; an identical entry changes nothing. */
    InterpreterView replace(String interpreterId, InterpreterRequest request) {
        RosterEntry entry = validation.entry(request);
        try {
            transaction.executeWithoutResult(status -> {
                RosterEntry before = interpreters.findForUpdate(interpreterId)
                        .orElseThrow(() -> Problems.notFound("Interpreter", interpreterId));
                interpreters.idByEmail(entry.email()).filter(other -> !other.equals(interpreterId))
                        .ifPresent(other -> {
                            throw alreadyOnRoster(other);
                        });
                if (!entry.equals(before)) {
                    interpreters.update(interpreterId, entry);
                    interpreters.requestReplanning(changed(interpreterId, before, entry));
                }
            });
        } catch (DuplicateKeyException raceOnEmail) {
            throw interpreters.idByEmail(entry.email()).map(Roster::alreadyOnRoster).orElseThrow(() -> raceOnEmail);
        }
        return InterpreterView.of(interpreterId, entry);
    }

    /** Upserts by e-mail (ignoring case), all entries or none. */
    ImportResult importEntries(List<RosterEntry> entries) {
        try {
            return transaction.execute(status -> importOnce(entries));
        } catch (DuplicateKeyException raceOnEmail) {
            throw Problems.conflict("Roster changed during the import",
                    "Another request added one of these e-mail addresses while the file was imported. Nothing was "
                            + "imported; send the file again.", Map.of());
        }
    }

    private Added addOnce(InterpreterRequest request, RosterEntry entry, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<Added> replay = replayOf(request, idempotencyKey);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        interpreters.idByEmail(entry.email()).ifPresent(existing -> {
            throw alreadyOnRoster(existing);
        });
        String interpreterId = UUID.randomUUID().toString();
        interpreters.insert(interpreterId, entry);
        if (idempotencyKey != null) {
            idempotencyKeys.complete(idempotencyKey, interpreterId);
        }
        interpreters.requestReplanning(changed(interpreterId, null, entry));
        return new Added(InterpreterView.of(interpreterId, entry), false);
    }

    private ImportResult importOnce(List<RosterEntry> entries) {
        Map<String, String> idsByEmail = new HashMap<>();
        Map<String, RosterEntry> existing = interpreters.byEmails(entries.stream().map(Roster::emailKey).toList());
        existing.forEach((id, entry) -> idsByEmail.put(emailKey(entry), id));
        Set<LocalDate> replan = new TreeSet<>();
        int created = 0;
        int updated = 0;
        for (RosterEntry entry : entries) {
            String interpreterId = idsByEmail.get(emailKey(entry));
            if (interpreterId == null) {
                interpreterId = UUID.randomUUID().toString();
                interpreters.insert(interpreterId, entry);
                replan.addAll(changed(interpreterId, null, entry));
                created++;
            } else if (!entry.equals(existing.get(interpreterId))) {
                interpreters.update(interpreterId, entry);
                replan.addAll(changed(interpreterId, existing.get(interpreterId), entry));
                updated++;
            }
        }
        interpreters.requestReplanning(replan);
        return new ImportResult(created, updated, entries.size() - created - updated);
    }

    /**
     * Publishes the interpreter's contact details (on every change: the compacted topic keeps only the latest) and
     * returns the days whose plans the change can affect: both the old and the new days, since losing a day
     * matters as much as gaining one. A change of name or contact alone affects no plan.
     */
    private Set<LocalDate> changed(String interpreterId, RosterEntry before, RosterEntry after) {
        outbox.publish(after.contact(interpreterId));
        Set<LocalDate> days = new TreeSet<>();
        if (before == null || after.plansDifferentlyFrom(before)) {
            days.addAll(after.availableDays());
            if (before != null) {
                days.addAll(before.availableDays());
            }
        }
        return days;
    }

    private Optional<Added> replayOf(InterpreterRequest request, String idempotencyKey) {
        String fingerprint = fingerprint(request);
        return idempotencyKeys.claim(idempotencyKey, fingerprint).map(earlier -> {
            if (!earlier.fingerprint().equals(fingerprint)) {
                throw Problems.unprocessable("Idempotency-Key reused",
                        "This Idempotency-Key was already used for a different interpreter. "
                                + "Use a new key for a new request.", Map.of());
            }
            return new Added(find(earlier.interpreterId()).orElseThrow(), true);
        });
    }

    private String fingerprint(InterpreterRequest request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static String emailKey(RosterEntry entry) {
        return entry.email().toLowerCase(Locale.ROOT);
    }

    private static ErrorResponseException alreadyOnRoster(String existingId) {
        return Problems.conflict("Already on the roster",
                "An interpreter with this e-mail address is already on the roster.",
                Map.of("interpreterId", existingId, "interpreter", "/api/interpreters/" + existingId));
    }

    /** @param replayed true when an earlier request with the same Idempotency-Key created the interpreter */
    record Added(InterpreterView interpreter, boolean replayed) {
    }
}
