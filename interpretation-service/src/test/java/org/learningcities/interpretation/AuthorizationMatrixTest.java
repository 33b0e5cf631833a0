package org.learningcities.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.learningcities.security.Role;
import org.learningcities.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * docs/authorization-matrix.csv is the contract of who may call what. Every endpoint of this service must have its
 * row there and every interpretation row must name an endpoint, so an endpoint added without a rule fails the build;
 * and every cell of those rows must hold against the running service.
 */
class AuthorizationMatrixTest extends InterpretationIntegrationTest {

    private static final Path MATRIX = Path.of("..", "docs", "authorization-matrix.csv");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;
    @Autowired
    RestTestClient http;
    @LocalServerPort
    int port;

    @Test
    void everyEndpointHasARowInTheAuthorizationMatrixAndEveryRowAnEndpoint() throws IOException {
        Set<String> endpoints = new TreeSet<>();
        handlers.getHandlerMethods().forEach((mapping, handler) -> {
            if (ours(handler)) {
                endpoints.addAll(endpoints(mapping));
            }
        });

        Set<String> rows = new TreeSet<>();
        matrix().forEach(row -> rows.add(row.method() + " " + row.path()));

        assertThat(endpoints).as("endpoints of interpretation-service").isNotEmpty();
        assertThat(rows).as("interpretation rows of " + MATRIX).containsExactlyInAnyOrderElementsOf(endpoints);
    }

    @Test
    void everyCellOfTheInterpretationRowsHolds() throws IOException {
        String account = "matrix-interpreter-" + UUID.randomUUID();
        String linkedInterpreter = linkedInterpreter(account);
        List<String> wrong = new ArrayList<>();
        for (Row row : matrix()) {
            String path = row.path().replace("{interpreterId}", linkedInterpreter)
                    .replace("{conferenceId}", UUID.randomUUID().toString())
                    .replace("{requestId}", UUID.randomUUID().toString());
            row.allowed().forEach((caller, allowed) -> {
                int status = call(row.method(), path, bearer(caller, account));
                boolean denied = status == 401 || status == 403;
                int expectedDenial = caller.equals("anonymous") ? 401 : 403;
                if (allowed ? denied : status != expectedDenial) {
                    wrong.add(row.method() + " " + row.path() + " as " + caller + ": " + status);
                }
            });
        }
        assertThat(wrong).as("cells that do not hold (yes: neither 401 nor 403; no: 401 anonymous, else 403)")
                .isEmpty();
    }

    /** Handlers of this service, not Spring's (the error controller, the OpenAPI document). */
    private static boolean ours(HandlerMethod handler) {
        return handler.getBeanType().getPackageName().startsWith("org.learningcities.interpretation");
    }

    private static List<String> endpoints(RequestMappingInfo mapping) {
        List<String> endpoints = new ArrayList<>();
        for (var method : mapping.getMethodsCondition().getMethods()) {
            for (String path : mapping.getPathPatternsCondition().getPatternValues()) {
                endpoints.add(method.name() + " " + path);
            }
        }
        return endpoints;
    }

    private record Row(String method, String path, Map<String, Boolean> allowed) {
    }

    /**
     * The rows of this service: the matrix lists all four services in one file, and this one's paths are the roster
     * ({@code /api/interpreters...}) and a conference's {@code /interpretation/...}.
     */
    private static List<Row> matrix() throws IOException {
        List<String> lines = Files.readAllLines(MATRIX).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        List<String> columns = Arrays.asList(lines.getFirst().split(","));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (!cells[1].startsWith("/api/interpreters") && !cells[1].contains("/interpretation/")) {
                continue;
            }
            Map<String, Boolean> allowed = new LinkedHashMap<>();
            for (int i = 2; i < cells.length; i++) {
                allowed.put(columns.get(i), cells[i].strip().equals("yes"));
            }
            rows.add(new Row(cells[0], cells[1], allowed));
        }
        return rows;
    }

    /** The token of each column of the matrix; the interpreter column is the account of the linked roster entry. */
    private static String bearer(String column, String interpreterAccount) {
        return switch (column) {
            case "anonymous" -> null;
            case "delegate" -> TestTokens.bearer("matrix-delegate", Role.DELEGATE);
            case "other-delegate" -> TestTokens.bearer("matrix-other-delegate", Role.DELEGATE);
            case "focal-point" -> TestTokens.bearer("matrix-focal-point", Role.FOCAL_POINT);
            case "secretariat" -> TestTokens.bearer("matrix-secretariat", Role.SECRETARIAT);
            case "visa-desk" -> TestTokens.bearer("matrix-visa-desk", Role.VISA_DESK);
            case "coordinator" -> TestTokens.bearer("matrix-coordinator", Role.INTERPRETATION_COORDINATOR);
            case "interpreter" -> TestTokens.bearer(interpreterAccount, Role.INTERPRETER);
            case "operations" -> TestTokens.bearer("matrix-operations", Role.OPERATIONS);
            case "partner" -> TestTokens.bearer("matrix-partner", Role.PARTNER);
            default -> throw new AssertionError("A column this test does not know: " + column);
        };
    }

    /** The status of a request with an empty body: enough to tell a denial from anything the handler answers. */
    private int call(String method, String path, String bearer) {
        RestTestClient client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        RestTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method)).uri(path);
        if (bearer != null) {
            request.header(HttpHeaders.AUTHORIZATION, bearer);
        }
        if (!method.equals("GET")) {
            boolean csv = path.endsWith("/import");
            request.contentType(csv ? new MediaType("text", "csv") : MediaType.APPLICATION_JSON)
                    .body(csv ? "".getBytes() : "{}".getBytes());
        }
        return request.exchange().returnResult().getStatus().value();
    }

    private String linkedInterpreter(String account) {
        return (String) http.post().uri("/api/interpreters").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("givenName", "Amira", "familyName", "Haddad",
                        "email", "amira." + UUID.randomUUID() + "@matrix-test.example.org",
                        "correspondenceLanguage", "ar", "languages", List.of(Map.of("language", "ar", "class", "A")),
                        "accountId", account))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }
}
