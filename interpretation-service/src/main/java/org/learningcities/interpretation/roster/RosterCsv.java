package org.learningcities.interpretation.roster;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.learningcities.interpretation.planning.LanguageClass;
import org.springframework.stereotype.Component;

/**
 * Reads a roster file: UTF-8 CSV (RFC 4180 quoting), a header row naming {@link #COLUMNS} in any order, and
 * {@link #OPTIONAL_COLUMNS} if the file has them, one interpreter per row. Languages are written
 * {@code zh:A en:B fr:C}; availability is one range of days,
 * availableFrom to availableTo, both included, or neither for none yet. Rows are numbered as a spreadsheet
 * shows them, the header being row 1, and every bad row is reported before anything is imported.
 */
@Component
class RosterCsv {

    static final List<String> COLUMNS = List.of("givenName", "familyName", "email", "phone", "correspondenceLanguage",
            "languages", "availableFrom", "availableTo", "homeRoomId");

    /** Files written before interpreters had accounts lack this column, and still import. */
    static final List<String> OPTIONAL_COLUMNS = List.of("accountId");

    private final RosterValidation validation;

    RosterCsv(RosterValidation validation) {
        this.validation = validation;
    }

    /**
     * A roster file's entries, all of them valid.
     *
     * @param entries       in file order
     * @param linksAccounts whether the file has the accountId column; without it the file says nothing about
     *                      accounts, and the roster keeps those it has
     */
    record RosterFile(List<RosterEntry> entries, boolean linksAccounts) {
    }

    /** The file's entries, or a 400 problem listing every bad row. */
    RosterFile read(String csv) {
        List<List<String>> records = records(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        if (records.isEmpty()) {
            throw FieldProblem.invalid(List.of(new FieldProblem("header", "is missing: the file is empty")));
        }
        Map<String, Integer> positions = header(records.getFirst());
        List<FieldProblem> problems = new ArrayList<>();
        List<RosterEntry> entries = new ArrayList<>();
        Map<String, Integer> rowsByEmail = new HashMap<>();
        Map<String, Integer> rowsByAccount = new HashMap<>();
        for (int index = 1; index < records.size(); index++) {
            String row = "row " + (index + 1);
            List<String> values = records.get(index);
            if (values.size() != positions.size()) {
                problems.add(new FieldProblem(row, "has " + values.size() + " values; the header has "
                        + positions.size()));
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            positions.forEach((column, position) -> cells.put(column, blankToNull(values.get(position))));
            List<FieldProblem> rowProblems = new ArrayList<>();
            InterpreterRequest request = request(cells, rowProblems);
            rowProblems.addAll(ruleProblems(request, rowProblems));
            if (request.email() != null && rowProblems.stream().noneMatch(problem -> problem.field().equals("email"))) {
                Integer earlier = rowsByEmail.putIfAbsent(request.email().toLowerCase(Locale.ROOT), index + 1);
                if (earlier != null) {
                    rowProblems.add(new FieldProblem("email", "repeats the e-mail address of row " + earlier));
                }
            }
            if (request.accountId() != null
                    && rowProblems.stream().noneMatch(problem -> problem.field().equals("accountId"))) {
                Integer earlier = rowsByAccount.putIfAbsent(request.accountId(), index + 1);
                if (earlier != null) {
                    rowProblems.add(new FieldProblem("accountId", "repeats the accountId of row " + earlier
                            + "; one account is one interpreter"));
                }
            }
            rowProblems.forEach(problem -> problems.add(new FieldProblem(row + ": " + problem.field(), problem.message())));
            if (rowProblems.isEmpty()) {
                entries.add(RosterValidation.entryOf(request));
            }
        }
        if (!problems.isEmpty()) {
            throw FieldProblem.invalid(problems);
        }
        return new RosterFile(List.copyOf(entries), positions.containsKey("accountId"));
    }

    /** The rules' problems under CSV column names, leaving out columns already reported as unreadable. */
    private List<FieldProblem> ruleProblems(InterpreterRequest request, List<FieldProblem> unreadable) {
        Set<String> reported = new HashSet<>();
        unreadable.forEach(problem -> reported.add(problem.field()));
        return validation.problems(request).stream()
                .map(problem -> new FieldProblem(column(problem.field()), problem.message()))
                .filter(problem -> !reported.contains(problem.field()))
                .distinct()
                .toList();
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> positions = new HashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (!COLUMNS.contains(name) && !OPTIONAL_COLUMNS.contains(name)) {
                problems.add(new FieldProblem("header", "has an unknown column '" + name + "'; expected "
                        + String.join(",", COLUMNS) + " and optionally " + String.join(",", OPTIONAL_COLUMNS)));
            } else if (positions.putIfAbsent(name, i) != null) {
                problems.add(new FieldProblem("header", "names column " + name + " twice"));
            }
        }
        COLUMNS.stream().filter(column -> !positions.containsKey(column))
                .forEach(column -> problems.add(new FieldProblem("header", "misses column " + column)));
        if (!problems.isEmpty()) {
            throw FieldProblem.invalid(problems);
        }
        return positions;
    }

    /** The row as a request; cells that cannot be read at all are reported under their column and left out. */
    private static InterpreterRequest request(Map<String, String> cells, List<FieldProblem> problems) {
        List<WorkingLanguage> languages = new ArrayList<>();
        if (cells.get("languages") != null) {
            for (String token : cells.get("languages").split("\\s+")) {
                int colon = token.lastIndexOf(':');
                LanguageClass languageClass = colon < 0 ? null : languageClass(token.substring(colon + 1));
                if (languageClass == null) {
                    problems.add(new FieldProblem("languages", "has '" + token
                            + "'; write each language as tag:class with class A, B or C, e.g. zh:A en:B fr:C"));
                } else {
                    languages.add(new WorkingLanguage(token.substring(0, colon), languageClass));
                }
            }
        }
        LocalDate from = date(cells, "availableFrom", problems);
        LocalDate to = date(cells, "availableTo", problems);
        if ((from == null) != (to == null) && problems.stream().noneMatch(problem -> problem.field().startsWith("available"))) {
            problems.add(new FieldProblem(from == null ? "availableFrom" : "availableTo",
                    "is needed too: give both availableFrom and availableTo, or neither"));
        }
        List<AvailabilityRange> availability = from != null && to != null
                ? List.of(new AvailabilityRange(from, to)) : List.of();
        return new InterpreterRequest(cells.get("givenName"), cells.get("familyName"), cells.get("email"),
                cells.get("phone"), cells.get("correspondenceLanguage"), languages, availability,
                cells.get("homeRoomId"), cells.get("accountId"));
    }

    private static LanguageClass languageClass(String name) {
        return switch (name) {
            case "A" -> LanguageClass.A;
            case "B" -> LanguageClass.B;
            case "C" -> LanguageClass.C;
            default -> null;
        };
    }

    private static LocalDate date(Map<String, String> cells, String column, List<FieldProblem> problems) {
        String value = cells.get(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(column, "has '" + value + "'; expected an ISO date such as 2013-10-20"));
            return null;
        }
    }

    /** The CSV column a request field comes from. */
    private static String column(String field) {
        if (field.startsWith("availability")) {
            return field.endsWith(".to") ? "availableTo" : "availableFrom";
        }
        int end = field.indexOf('[') < 0 ? field.indexOf('.') : field.indexOf('[');
        return end < 0 ? field : field.substring(0, end);
    }

    /** Spreadsheets pad cells with spaces; an empty cell is an absent value. */
    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }

    /** RFC 4180: fields separated by commas, quoted with double quotes (doubled inside), records by CRLF or LF. */
    static List<List<String>> records(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                addUnlessBlank(records, record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        record.add(field.toString());
        addUnlessBlank(records, record);
        return records;
    }

    /** Blank lines, such as the one after the last line break, are no rows. */
    private static void addUnlessBlank(List<List<String>> records, List<String> record) {
        if (record.size() > 1 || !record.getFirst().isBlank()) {
            records.add(List.copyOf(record));
        }
    }
}
