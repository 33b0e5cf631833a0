package org.learningcities.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.learningcities.gateway.GatewayUnderTest;
import org.learningcities.gateway.GatewayWithStandIns;
import org.learningcities.gateway.routing.PublicApiEndpoints.Endpoint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives the running gateway over HTTP against four stand-in services. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest extends GatewayWithStandIns {

    private static final HttpClient HTTP = GatewayUnderTest.http();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalManagementPort
    private int managementPort;

    static Stream<Arguments> publicEndpoints() {
        return PublicApiEndpoints.ALL.stream().map(endpoint ->
                Arguments.argumentSet(endpoint + " reaches " + endpoint.owner().serviceName(), endpoint));
    }

    @ParameterizedTest
    @MethodSource("publicEndpoints")
    void routesEveryPublicEndpointToTheServiceThatOwnsIt(Endpoint endpoint) throws Exception {
        String body = endpoint.hasBody() ? "{\"title\":\"学习型城市 " + endpoint + "\"}" : "";

        HttpResponse<String> response = send(endpoint.method(), endpoint.pathAndQuery(), body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(EchoingService.SERVED_BY)).hasValue(endpoint.owner().serviceName());
        assertThat(response.headers().firstValue(EchoingService.RECEIVED_METHOD)).hasValue(endpoint.method());
        assertThat(response.headers().firstValue(EchoingService.RECEIVED_URI)).hasValue(endpoint.pathAndQuery());
        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void routesRegistrationPostsToRegistrationService() throws Exception {
        String registration = """
                {"givenName":"Li","familyName":"Wei","email":"li.wei@example.org","countryCode":"CN"}""";
        HttpRequest request = HttpRequest.newBuilder(gateway("/api/conferences/iclc-2013/registrations"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "7d3c9f0e-registration")
                .POST(BodyPublishers.ofString(registration))
                .build();

        HttpResponse<String> response = HTTP.send(request, BodyHandlers.ofString());

        assertThat(response.headers().firstValue(EchoingService.SERVED_BY)).hasValue("registration-service");
        assertThat(response.headers().firstValue(EchoingService.RECEIVED_METHOD)).hasValue("POST");
        assertThat(response.headers().firstValue(EchoingService.RECEIVED_IDEMPOTENCY_KEY))
                .hasValue("7d3c9f0e-registration");
        assertThat(response.body()).isEqualTo(registration);
    }

    @ParameterizedTest
    @EnumSource(PlatformService.class)
    void routesEachServicesOpenApiDocumentToThatServicesApiDocs(PlatformService service) throws Exception {
        HttpResponse<String> response = send("GET", "/v3/api-docs/" + service.serviceName(), "");

        assertThat(response.headers().firstValue(EchoingService.SERVED_BY)).hasValue(service.serviceName());
        assertThat(response.headers().firstValue(EchoingService.RECEIVED_URI)).hasValue("/v3/api-docs");
    }

    @Test
    void opensSwaggerUiOnThePlatformDocumentAndListsEveryServicesAndTheGatewaysOwnAfterIt() throws Exception {
        HttpResponse<String> config = send("GET", "/v3/api-docs/swagger-config", "");

        assertThat(config.statusCode()).isEqualTo(200);
        JsonNode swaggerConfig = JSON.readTree(config.body());
        List<String> listedDocuments = swaggerConfig.get("urls").valueStream()
                .map(document -> document.get("name").asString() + " " + document.get("url").asString())
                .toList();
        assertThat(listedDocuments.getFirst()).isEqualTo("Learning Cities platform /v3/api-docs/platform");
        assertThat(listedDocuments.subList(1, listedDocuments.size())).containsExactlyInAnyOrderElementsOf(
                Stream.concat(Arrays.stream(PlatformService.values())
                                .map(service -> service.serviceName() + " " + service.openApiDocumentPath()),
                        Stream.of("gateway /v3/api-docs/gateway")).toList());
        assertThat(swaggerConfig.get("urls.primaryName").asString()).isEqualTo("Learning Cities platform");
        assertThat(send("GET", "/swagger-ui/index.html", "").statusCode()).isEqualTo(200);
        HttpResponse<String> gatewayDocument = send("GET", "/v3/api-docs/gateway", "");
        assertThat(gatewayDocument.statusCode()).isEqualTo(200);
        assertThat(gatewayDocument.body()).contains("openapi: 3.1.0", "/asyncapi.yaml", "/schemas/{file}",
                "/v3/api-docs/platform");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/unknown",
            "/api/conferences/iclc-2013/unknown",
            "/api/conferences/iclc-2013/sessions-archive",
            "/api/conferences/iclc-2013/rooms-and-halls/1"})
    void answersUnknownPathsWithNotFoundProblem(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, "");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("title").asString()).isEqualTo("Not Found");
        assertThat(problem.get("instance").asString()).isEqualTo(path);
        assertThat(response.headers().firstValue(EchoingService.SERVED_BY)).isEmpty();
    }

    @Test
    void exposesProbesOnThePublicPortAndPrometheusMetricsPerRouteOnTheManagementPort() throws Exception {
        assertThat(send("GET", "/livez", "").body()).contains("\"status\":\"UP\"");
        assertThat(send("GET", "/readyz", "").body()).contains("\"status\":\"UP\"");
        send("GET", "/api/conferences", "");

        HttpResponse<String> metrics = GatewayUnderTest.get(managementPort, "/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes")
                .containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"agenda-service-api\"");
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body.isEmpty()
                ? BodyPublishers.noBody()
                : BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(gateway(pathAndQuery))
                // A request that never gets an answer fails this test instead of stalling the build.
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        return HTTP.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI gateway(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }
}
