package org.learningcities.interpretation.roster;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.learningcities.interpretation.language.LanguageTag;
import org.learningcities.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The interpreter roster the interpretation coordinator keeps. Request bodies are checked by {@link RosterValidation}. */
@RestController
@Tag(name = "Roster", description = "Interpreters, their working languages (AIIC classes A, B, C) and the days they can work")
class InterpreterController {

    private final Roster roster;
    private final RosterCsv csv;

    InterpreterController(Roster roster, RosterCsv csv) {
        this.roster = roster;
        this.csv = csv;
    }

    @Operation(summary = "Put an interpreter on the roster",
            description = "201 with the interpreter. 409 with the existing interpreter's id when the e-mail address "
                    + "(ignoring case) is already on the roster, or when the accountId is linked to another "
                    + "interpreter. A retried request with the same Idempotency-Key "
                    + "returns the first result (header Idempotent-Replayed: true). Publishes the contact details on "
                    + "the internal topic and asks for a new plan of every conference whose dates meet the "
                    + "interpreter's availability.")
    @PostMapping("/api/interpreters")
    ResponseEntity<InterpreterView> add(
            @RequestBody InterpreterRequest request,
            @Parameter(description = "Client-chosen key, unique per attempt (e.g. a UUID)")
            @RequestHeader(name = "Idempotency-Key", required = false)
            @Pattern(regexp = "[\\x21-\\x7E]{1,255}", message = "must be 1 to 255 visible ASCII characters")
            String idempotencyKey) {
        Roster.Added added = roster.add(request, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/interpreters/" + added.interpreter().id()))
                .header("Idempotent-Replayed", Boolean.toString(added.replayed()))
                .body(added.interpreter());
    }

    @Operation(summary = "The roster", description = "Sorted by family name, then given name.")
    @GetMapping("/api/interpreters")
    List<InterpreterView> list(
            @Parameter(description = "Only interpreters holding this BCP 47 language, in any class", example = "zh")
            @RequestParam(required = false) @LanguageTag String language) {
        return roster.list(language);
    }

    @Operation(summary = "One interpreter")
    @GetMapping("/api/interpreters/{interpreterId}")
    InterpreterView interpreter(@PathVariable String interpreterId) {
        return roster.find(interpreterId).orElseThrow(() -> Problems.notFound("Interpreter", interpreterId));
    }

    @Operation(summary = "Correct an interpreter's entry",
            description = "Replaces names, contact details, languages, availability, home room and account with the "
                    + "body (a body without accountId unlinks the account). "
                    + "A body equal to the entry changes and publishes nothing. A change of languages, availability "
                    + "or home room asks for a new plan of every conference whose dates meet the old or the new "
                    + "availability. 409 when the new e-mail address or accountId belongs to another interpreter.")
    @PutMapping("/api/interpreters/{interpreterId}")
    InterpreterView replace(@PathVariable String interpreterId, @RequestBody InterpreterRequest request) {
        return roster.replace(interpreterId, request);
    }

    @Operation(summary = "Import a roster file (CSV)",
            description = "UTF-8 CSV with the header givenName,familyName,email,phone,correspondenceLanguage,"
                    + "languages,availableFrom,availableTo,homeRoomId and optionally accountId; languages like "
                    + "'zh:A en:B fr:C'. Adds new "
                    + "e-mail addresses and updates known ones, all rows or none: a file with bad rows is answered "
                    + "400 with every problem as 'row N: column' (the header is row 1). Rows equal to the roster "
                    + "are counted unchanged and publish nothing, so importing a file twice is harmless. 409 (nothing "
                    + "imported) when a row links an account that an interpreter outside the file holds. A file without "
                    + "the accountId column leaves the roster's accounts as they are.")
    @PostMapping(path = "/api/interpreters/import", consumes = "text/csv")
    ImportResult importCsv(@RequestBody byte[] body) {
        return roster.importFile(csv.read(new String(body, StandardCharsets.UTF_8)));
    }
}
