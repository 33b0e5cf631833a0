package org.learningcities.agenda.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.learningcities.agenda.AgendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * docs/authorization-matrix.csv is the contract of who may call what, and the filter chain denies whatever it does
 * not list. This keeps the two in step: a new endpoint without a row, or a row left behind by a removed endpoint,
 * fails the build instead of shipping denied (or, worse, an unreviewed rule).
 */
class AuthorizationMatrixCoverageTest extends AgendaIntegrationTest {

    private static final Path MATRIX = Path.of("../docs/authorization-matrix.csv");
    /** The matrix holds every service's rows; these paths are agenda-service's. */
    private static final Pattern AGENDA_PATH = Pattern.compile(
            "/api/conferences(/programme-imports|/\\{conferenceId}"
                    + "(/(rooms|sessions|schedule|agenda\\.ics|programme|agendas)(/.*)?)?)?");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Test
    void everyEndpointHasARowInTheAuthorizationMatrixAndEveryAgendaRowAnEndpoint() throws IOException {
        Set<String> endpoints = new TreeSet<>();
        handlerMapping.getHandlerMethods().forEach((mapping, method) -> {
            if (method.getBeanType().getPackageName().startsWith("org.learningcities.agenda")) {
                // A mapping without methods answers every method: it shows as ANY, which no row can match.
                Set<String> httpMethods = new TreeSet<>();
                mapping.getMethodsCondition().getMethods().forEach(httpMethod -> httpMethods.add(httpMethod.name()));
                if (httpMethods.isEmpty()) {
                    httpMethods.add("ANY");
                }
                httpMethods.forEach(httpMethod ->
                        mapping.getPatternValues().forEach(path -> endpoints.add(httpMethod + "," + path)));
            }
        });
        Set<String> agendaRows = new TreeSet<>();
        for (String line : Files.readAllLines(MATRIX)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("method,")) {
                continue;
            }
            String[] cells = line.split(",");
            String path = cells[1].split("\\?")[0];
            if (AGENDA_PATH.matcher(path).matches()) {
                agendaRows.add(cells[0] + "," + path);
            }
        }

        assertThat(endpoints).as("agenda-service endpoints").isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(agendaRows);
    }
}
