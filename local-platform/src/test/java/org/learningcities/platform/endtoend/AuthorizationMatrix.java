package org.learningcities.platform.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * docs/authorization-matrix.csv: for every endpoint, which callers may use it. The file is the documentation and
 * the test's expectation at once, so they cannot drift apart.
 */
record AuthorizationMatrix(List<String> callers, List<Row> rows) {

    static final Path FILE = Path.of("../docs/authorization-matrix.csv");

    static AuthorizationMatrix load() throws IOException {
        List<String> lines = Files.readAllLines(FILE).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        String[] header = lines.getFirst().split(",");
        List<String> callers = List.of(Arrays.copyOfRange(header, 2, header.length));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (cells.length != header.length) {
                throw new IllegalStateException("Row has " + cells.length + " cells, the header " + header.length
                        + ": " + line);
            }
            Map<String, Boolean> allowed = new java.util.LinkedHashMap<>();
            for (int i = 2; i < cells.length; i++) {
                if (!cells[i].equals("yes") && !cells[i].equals("no")) {
                    throw new IllegalStateException("Cell must be yes or no, was '" + cells[i] + "': " + line);
                }
                allowed.put(header[i], cells[i].equals("yes"));
            }
            rows.add(new Row(cells[0], cells[1], allowed));
        }
        return new AuthorizationMatrix(callers, rows);
    }

    /** One endpoint; {@code path} may carry a query such as {@code ?recipientId={registrationId}}. */
    record Row(String method, String path, Map<String, Boolean> allowed) {

        /** The endpoint as OpenAPI names it: method and path template without the query. */
        String endpoint() {
            int query = path.indexOf('?');
            return method + " " + (query < 0 ? path : path.substring(0, query));
        }

        boolean allows(String caller) {
            return allowed.get(caller);
        }
    }
}
