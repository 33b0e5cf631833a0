package org.learningcities.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * docs/authorization-matrix.csv is the contract of who may call what, and the filter chain denies whatever it has
 * no rule for. This test keeps the two in step: a new endpoint without a row, or a row whose endpoint is gone,
 * fails the build before anyone finds the endpoint closed (or open) by surprise.
 */
class AuthorizationMatrixCoverageTest extends NotificationServiceTest {

    /** Tests run in the module's directory; the matrix lives in the repository's docs. */
    private static final Path MATRIX = Path.of("..", "docs", "authorization-matrix.csv");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlers;

    @Test
    void everyEndpointHasARowInTheAuthorizationMatrixAndEveryRowAnEndpoint() throws IOException {
        Set<String> endpoints = endpoints();
        Set<String> prefixes = endpoints.stream().map(AuthorizationMatrixCoverageTest::resource)
                .collect(Collectors.toSet());
        Set<String> rows = Files.readAllLines(MATRIX).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("method,"))
                .map(line -> line.split(",", 3))
                .map(cells -> normalised(cells[0], cells[1]))
                .filter(row -> prefixes.contains(resource(row)))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(endpoints).isNotEmpty();
        assertThat(rows).as("rows of %s for this service's endpoints", MATRIX).isEqualTo(endpoints);
    }

    /** Every method and path this service's controllers handle (not the framework's: errors, OpenAPI). */
    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        handlers.getHandlerMethods().forEach((mapping, method) -> {
            if (!method.getBeanType().getPackageName().startsWith(getClass().getPackageName())) {
                return;
            }
            assertThat(mapping.getMethodsCondition().getMethods()).as("HTTP methods of %s", method).isNotEmpty();
            for (String path : mapping.getPathPatternsCondition().getPatternValues()) {
                mapping.getMethodsCondition().getMethods().forEach(verb -> endpoints.add(normalised(verb.name(), path)));
            }
        });
        return endpoints;
    }

    /**
     * "GET /api/notifications/{}": the query the matrix shows for required parameters is not part of the mapping,
     * and path variables may be named differently in the matrix and the code.
     */
    private static String normalised(String method, String path) {
        int query = path.indexOf('?');
        String withoutQuery = query < 0 ? path : path.substring(0, query);
        return method + " " + withoutQuery.replaceAll("\\{[^}]*}", "{}");
    }

    /** "GET /api/notifications/{}" -> "/api/notifications": which resource, and so which service, a row is about. */
    private static String resource(String endpoint) {
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        String[] segments = path.split("/");
        return segments.length > 2 ? "/" + segments[1] + "/" + segments[2] : path;
    }
}
