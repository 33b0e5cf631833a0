package org.learningcities.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint this service answers has a row in docs/authorization-matrix.csv, and every row of this service
 * names an endpoint: an endpoint added without deciding who may call it fails the build here, before the
 * gateway-wide matrix test runs.
 */
class AuthorizationMatrixCoverageTest extends RegistrationIntegrationTest {

    /** The paths this service owns in the platform's API (the gateway routes them here). */
    private static final List<String> OWN_PATHS = List.of("/api/registrations/",
            "/api/conferences/{}/registrations", "/api/conferences/{}/delegations", "/api/conferences/{}/check-ins");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Test
    void everyHandlerMethodHasARowInTheAuthorizationMatrixAndEveryRowOfThisServiceAHandler() throws IOException {
        Set<String> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : handlerMapping.getHandlerMethods().entrySet()) {
            if (!handler.getValue().getBeanType().getPackageName().startsWith("org.learningcities.registration")) {
                continue;
            }
            RequestMappingInfo mapping = handler.getKey();
            assertThat(mapping.getMethodsCondition().getMethods()).as(mapping.toString()).isNotEmpty();
            mapping.getMethodsCondition().getMethods().forEach(method -> mapping.getPatternValues()
                    .forEach(path -> endpoints.add(method.name() + " " + normalized(path))));
        }
        Set<String> rows = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("../docs/authorization-matrix.csv"))) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("method,")) {
                continue;
            }
            String[] cells = line.split(",");
            String path = normalized(cells[1].replaceFirst("\\?.*", ""));
            if (OWN_PATHS.stream().anyMatch(path::startsWith)) {
                rows.add(cells[0] + " " + path);
            }
        }

        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(21);
        assertThat(rows).as("rows of the matrix for this service").containsExactlyInAnyOrderElementsOf(endpoints);
    }

    /** Path variables compared by position, not name. */
    private static String normalized(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
