package org.learningcities.interpretation.roster;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.learningcities.interpretation.language.LanguageTag;
import org.learningcities.interpretation.planning.LanguageClass;
import org.springframework.stereotype.Component;

/**
 * Checks an interpreter against the annotations of {@link InterpreterRequest} and the roster's own rules, and
 * reports every problem in one answer with JSON field names ({@code languages[1].class}). The CSV import
 * reuses it, so a row and a POST are held to the same rules.
 */
@Component
class RosterValidation {

    /** Account ids are the authorization server's user names and client ids, far shorter than this. */
    static final int ACCOUNT_ID_MAX_LENGTH = 255;

    private final Validator validator;

    RosterValidation(Validator validator) {
        this.validator = validator;
    }

    /** The request as a normalised roster entry, or a 400 problem naming every field that is wrong. */
    RosterEntry entry(InterpreterRequest request) {
        List<FieldProblem> problems = problems(request);
        if (!problems.isEmpty()) {
            throw FieldProblem.invalid(problems);
        }
        return entryOf(request);
    }

    List<FieldProblem> problems(InterpreterRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        validator.validate(request).forEach(violation ->
                problems.add(new FieldProblem(field(violation.getPropertyPath()), violation.getMessage())));
        checkLanguages(request.languages(), problems);
        checkAvailability(request.availability(), problems);
        problems.sort(Comparator.comparing(FieldProblem::field));
        return List.copyOf(problems);
    }

    /** Call only for a request without problems. */
    static RosterEntry entryOf(InterpreterRequest request) {
        SortedMap<String, LanguageClass> languages = new TreeMap<>();
        request.languages().forEach(language ->
                languages.put(LanguageTag.Validator.canonical(language.language()), language.languageClass()));
        SortedSet<LocalDate> days = new TreeSet<>();
        if (request.availability() != null) {
            request.availability().forEach(range -> days.addAll(range.days()));
        }
        return new RosterEntry(request.givenName().strip(), request.familyName().strip(), request.email().strip(),
                request.phone(), LanguageTag.Validator.canonical(request.correspondenceLanguage()),
                languages, days,
                request.homeRoomId() == null || request.homeRoomId().isBlank() ? null : request.homeRoomId().strip(),
                request.accountId());
    }

    private static void checkLanguages(List<WorkingLanguage> languages, List<FieldProblem> problems) {
        if (languages == null || languages.isEmpty()) {
            return;
        }
        Map<String, Integer> firstListed = new HashMap<>();
        boolean nativeLanguage = false;
        for (int i = 0; i < languages.size(); i++) {
            WorkingLanguage language = languages.get(i);
            if (language == null) {
                continue;
            }
            if (language.languageClass() == null) {
                problems.add(new FieldProblem("languages[" + i + "].class", "must be A, B or C"));
            }
            nativeLanguage |= language.languageClass() == LanguageClass.A;
            String tag = language.language() == null ? null : LanguageTag.Validator.canonical(language.language());
            if (tag != null) {
                Integer earlier = firstListed.putIfAbsent(tag, i);
                if (earlier != null) {
                    problems.add(new FieldProblem("languages[" + i + "].language",
                            "lists " + tag + " a second time (already languages[" + earlier + "])"));
                }
            }
        }
        if (!nativeLanguage) {
            problems.add(new FieldProblem("languages", "needs at least one language of class A (a native language)"));
        }
    }

    private static void checkAvailability(List<AvailabilityRange> availability, List<FieldProblem> problems) {
        if (availability == null) {
            return;
        }
        for (int i = 0; i < availability.size(); i++) {
            AvailabilityRange range = availability.get(i);
            if (range == null || range.from() == null || range.to() == null) {
                continue;
            }
            if (range.to().isBefore(range.from())) {
                problems.add(new FieldProblem("availability[" + i + "].to", "must not be before from"));
            } else if (ChronoUnit.DAYS.between(range.from(), range.to()) >= AvailabilityRange.MAX_DAYS) {
                problems.add(new FieldProblem("availability[" + i + "].to",
                        "must be within " + AvailabilityRange.MAX_DAYS + " days of from"));
            }
        }
    }

    /** {@code languages[1].language}, as Spring names bean-validation fields, for a record-component path. */
    private static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && !field.isEmpty()) {
                field.append('[').append(node.getIndex()).append(']');
            }
            String name = node.getName();
            if (name != null && node.getKind() == ElementKind.PROPERTY && !name.startsWith("<")) {
                field.append(field.isEmpty() ? "" : ".").append(name);
            }
        }
        return field.toString();
    }
}
