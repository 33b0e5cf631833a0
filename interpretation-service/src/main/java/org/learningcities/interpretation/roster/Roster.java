package org.learningcities.interpretation.roster;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
        } catch (DuplicateKeyException race) {
            // Another request took the same address or account between our check and our insert.
            throw conflict(entry, null).orElseThrow(() -> race);
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
                conflict(entry, interpreterId).ifPresent(conflict -> {
                    throw conflict;
                });
                if (!entry.equals(before)) {
                    interpreters.update(interpreterId, entry);
                    interpreters.requestReplanning(changed(interpreterId, before, entry));
                }
            });
        } catch (DuplicateKeyException race) {
            throw conflict(entry, interpreterId).orElseThrow(() -> race);
        }
        return InterpreterView.of(interpreterId, entry);
    }

    /** Upserts by e-mail (ignoring case), all entries or none. */
    ImportResult importFile(RosterCsv.RosterFile file) {
        try {
            return transaction.execute(status -> importOnce(file));
        } catch (DuplicateKeyException race) {
            throw Problems.conflict("Roster changed during the import",
                    "Another request added one of these e-mail addresses or accounts while the file was imported. "
                            + "Nothing was imported; send the file again.", Map.of());
        }
    }

    private Added addOnce(InterpreterRequest request, RosterEntry entry, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<Added> replay = replayOf(request, idempotencyKey);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        conflict(entry, null).ifPresent(conflict -> {
            throw conflict;
        });
        String interpreterId = UUID.randomUUID().toString();
        interpreters.insert(interpreterId, entry);
        if (idempotencyKey != null) {
            idempotencyKeys.complete(idempotencyKey, interpreterId);
        }
        interpreters.requestReplanning(changed(interpreterId, null, entry));
        return new Added(InterpreterView.of(interpreterId, entry), false);
    }

    private ImportResult importOnce(RosterCsv.RosterFile file) {
        List<RosterEntry> entries = file.entries();
        Map<String, String> idsByEmail = new HashMap<>();
        Map<String, RosterEntry> existing = interpreters.byEmails(entries.stream().map(Roster::emailKey).toList());
        existing.forEach((id, entry) -> idsByEmail.put(emailKey(entry), id));
        refuseAccountsOfOthers(entries, idsByEmail);
        Map<String, RosterEntry> updates = new LinkedHashMap<>();
        List<RosterEntry> additions = new ArrayList<>();
        for (RosterEntry row : entries) {
            String interpreterId = idsByEmail.get(emailKey(row));
            if (interpreterId == null) {
                additions.add(row);
                continue;
            }
            // A file written before accounts existed must not unlink the accounts the coordinator has set since.
            RosterEntry entry = file.linksAccounts() ? row : row.linkedTo(existing.get(interpreterId).accountId());
            if (!entry.equals(existing.get(interpreterId))) {
                updates.put(interpreterId, entry);
            }
        }
        // Updates first, and with their accounts unlinked, so that the file may move accounts between interpreters.
        if (file.linksAccounts()) {
            interpreters.unlinkAccounts(updates.keySet());
        }
        Set<LocalDate> replan = new TreeSet<>();
        updates.forEach((interpreterId, entry) -> {
            interpreters.update(interpreterId, entry);
            replan.addAll(changed(interpreterId, existing.get(interpreterId), entry));
        });
        for (RosterEntry entry : additions) {
            String interpreterId = UUID.randomUUID().toString();
            interpreters.insert(interpreterId, entry);
            replan.addAll(changed(interpreterId, null, entry));
        }
        interpreters.requestReplanning(replan);
        return new ImportResult(additions.size(), updates.size(), entries.size() - additions.size() - updates.size());
    }

    /**
     * 409 when a row links an account that an interpreter outside the file holds: the file cannot take it away
     * from them. Accounts of interpreters in the file are theirs to move, since the file rewrites those entries.
     */
    private void refuseAccountsOfOthers(List<RosterEntry> entries, Map<String, String> idsByEmail) {
        List<String> accounts = entries.stream().map(RosterEntry::accountId).filter(Objects::nonNull).toList();
        if (accounts.isEmpty()) {
            return;
        }
        Map<String, String> holders = interpreters.idsByAccounts(accounts);
        for (int row = 0; row < entries.size(); row++) {
            String holder = holders.get(entries.get(row).accountId());
            if (holder != null && !idsByEmail.containsValue(holder)) {
                ErrorResponseException taken = accountTaken(holder);
                // Rows as the coordinator's spreadsheet numbers them: the header is row 1.
                taken.getBody().setProperty("row", row + 2);
                throw taken;
            }
        }
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

    /** The 409 for an e-mail address or account that an interpreter other than this one holds, if one does. */
    private Optional<ErrorResponseException> conflict(RosterEntry entry, String interpreterId) {
        Optional<String> emailHolder = interpreters.idByEmail(entry.email())
                .filter(other -> !other.equals(interpreterId));
        if (emailHolder.isPresent()) {
            return emailHolder.map(Roster::alreadyOnRoster);
        }
        return Optional.ofNullable(entry.accountId())
                .flatMap(interpreters::idByAccount)
                .filter(other -> !other.equals(interpreterId))
                .map(Roster::accountTaken);
    }

    private static ErrorResponseException accountTaken(String holderId) {
        return Problems.conflict("Account linked to another interpreter",
                "This accountId belongs to another interpreter on the roster; one account is one interpreter. "
                        + "Unlink it there first.",
                Map.of("field", "accountId", "interpreterId", holderId, "interpreter", "/api/interpreters/" + holderId));
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
