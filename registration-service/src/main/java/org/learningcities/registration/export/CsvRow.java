package org.learningcities.registration.export;

import java.util.List;
import java.util.stream.Collectors;

/** One RFC 4180 line, with cells that a spreadsheet would run as a formula defused. */
final class CsvRow {

    private CsvRow() {
    }

    static String of(List<String> cells) {
        return cells.stream().map(CsvRow::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = startsLikeAFormula(value) ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    /**
     * Excel and LibreOffice evaluate a cell starting with one of these, so a delegate naming their
     * organisation {@code =HYPERLINK(...)} could attack whoever opens the export (OWASP CSV injection).
     */
    private static boolean startsLikeAFormula(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }
}
