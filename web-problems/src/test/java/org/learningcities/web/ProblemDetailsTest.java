package org.learningcities.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = ProblemDetailsTest.ExampleApplication.class)
class ProblemDetailsTest {

    @LocalServerPort
    int port;

    RestClient http;

    @BeforeEach
    void client() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    @Test
    void namesEachInvalidFieldOfTheBody() {
        ResponseEntity<Map> response = post("{\"name\": \"\", \"day\": \"2013-10-21\", \"seats\": 0}");

        assertProblem(response, 400);
        assertThat(fields(response)).containsExactly("name", "seats");
    }

    @Test
    void namesAFieldWhoseValueHasTheWrongFormat() {
        ResponseEntity<Map> response = post("{\"name\": \"Plenary\", \"day\": \"21/10/2013\", \"seats\": 10}");

        assertProblem(response, 400);
        assertThat(fields(response)).containsExactly("day");
    }

    @Test
    void describesMalformedJsonWithoutInternals() {
        ResponseEntity<Map> response = post("{\"name\": ");

        assertProblem(response, 400);
        assertThat(response.getBody().get("detail").toString()).startsWith("The request body is not valid JSON")
                .doesNotContain("tools.jackson");
    }

    @Test
    void namesAQueryParameterOfTheWrongType() {
        ResponseEntity<Map> response = http.get().uri("/examples?page=first").retrieve().toEntity(Map.class);

        assertProblem(response, 400);
        assertThat(fields(response)).containsExactly("page");
    }

    @Test
    void answersAnUnknownPathWithNotFound() {
        assertProblem(http.get().uri("/nowhere").retrieve().toEntity(Map.class), 404);
    }

    @Test
    void hidesAnUnexpectedFailureBehindAGenericProblem() {
        ResponseEntity<Map> response = http.get().uri("/examples/broken").retrieve().toEntity(Map.class);

        assertProblem(response, 500);
        assertThat(response.getBody().toString()).doesNotContain("IllegalStateException", "secret");
    }

    @Test
    void refusesABodyLargerThanTheLimitBeforeReadingIt() {
        String huge = "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\", \"seats\": 1}";

        ResponseEntity<Map> response = post(huge);

        assertProblem(response, 413);
        assertThat(response.getBody()).containsEntry("title", "Request body too large");
    }

    @Test
    void cutsOffAChunkedBodyWhenItPassesTheLimit() throws Exception {
        byte[] opening = "{\"name\": \"".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] chunk = "x".repeat(64 * 1024).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/examples"))
                .header("Content-Type", "application/json")
                // A publisher of unknown length makes the client send the body chunked, without Content-Length.
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() ->
                        new java.io.SequenceInputStream(java.util.Collections.enumeration(
                                java.util.stream.IntStream.range(0, 41)
                                        .mapToObj(i -> (java.io.InputStream) new java.io.ByteArrayInputStream(
                                                i == 0 ? opening : chunk))
                                        .toList()))))
                .build();

        var response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    private ResponseEntity<Map> post(String json) {
        return http.post().uri("/examples").contentType(MediaType.APPLICATION_JSON).body(json).retrieve()
                .toEntity(Map.class);
    }

    private static void assertProblem(ResponseEntity<Map> response, int status) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("status", status);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> fields(ResponseEntity<Map> response) {
        return ((List<Map<String, Object>>) response.getBody().get("errors")).stream()
                .map(error -> error.get("field")).toList();
    }

    @SpringBootApplication
    @Import(ExampleController.class)
    static class ExampleApplication {
    }

    record Example(@NotBlank String name, LocalDate day, @Min(1) int seats) {
    }

    @RestController
    static class ExampleController {

        @PostMapping("/examples")
        Example create(@Valid @RequestBody Example example) {
            return example;
        }

        @GetMapping("/examples")
        List<Example> list(@RequestParam(defaultValue = "0") int page) {
            return List.of();
        }

        @GetMapping("/examples/broken")
        Example broken() {
            throw new IllegalStateException("secret internals");
        }
    }
}
