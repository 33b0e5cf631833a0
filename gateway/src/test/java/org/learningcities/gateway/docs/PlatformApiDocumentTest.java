package org.learningcities.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.learningcities.gateway.GatewayUnderTest;
import org.learningcities.gateway.GatewayWithStandIns;
import org.learningcities.gateway.routing.PlatformService;
import org.learningcities.testsupport.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Swagger UI's platform document: the four stand-ins' OpenAPI documents merged into one by the gateway. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // No test here may see the merged document expire.
        "gateway.api-docs.cache-time=1h",
        // One routed read per IP address, then 429 for a long while.
        "gateway.rate-limit.reads.per-ip.burst-capacity=1",
        "gateway.rate-limit.reads.per-ip.replenish-rate=0.01"})
class PlatformApiDocumentTest extends GatewayWithStandIns {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void serveEachStandInsDocument() {
        StandInApiDocuments.BY_SERVICE.forEach((service, document) -> standIn(service).servingApiDocument(document));
    }

    @Test
    void mergesThePathsEachServiceServesThroughTheGatewayAndNothingElse() throws Exception {
        HttpResponse<String> response = GatewayUnderTest.get(port, "/v3/api-docs/platform");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode document = JSON.readTree(response.body());
        assertThat(document.get("openapi").asString()).isEqualTo("3.1.0");
        assertThat(document.get("paths").propertyNames()).containsExactlyInAnyOrder(
                "/api/conferences",
                "/api/conferences/{conferenceId}",
                "/api/conferences/{conferenceId}/rooms",
                "/api/conferences/{conferenceId}/registrations",
                "/api/registrations/{registrationId}",
                "/api/conferences/{conferenceId}/delegations",
                "/api/interpreters",
                "/api/conferences/{conferenceId}/interpretation/coverage",
                "/api/notifications",
                "/api/webhook-subscriptions");
        assertThat(document.has("x-unavailable-services")).isFalse();
    }

    @Test
    void keepsEveryServicesSchemasAndOneCopyOfASchemaTheyDefineAlike() throws Exception {
        JsonNode schemas = platformDocument().get("components").get("schemas");

        assertThat(schemas.propertyNames()).containsExactlyInAnyOrder(
                "Conference", "Registration", "Interpreter", "Notification", "Channel", "Sms", "ProblemDetail",
                "agenda-service.Page", "registration-service.Page",
                "agenda-service.Listing", "registration-service.Listing",
                "interpretation-service.Email", "notification-service.Email");
        assertThat(schemas.get("ProblemDetail")).isEqualTo(JSON.readTree(StandInApiDocuments.PROBLEM_DETAIL));
    }

    @Test
    void prefixesSchemasTheServicesDefineDifferentlyAndPointEachServicesReferencesAtItsOwn() throws Exception {
        JsonNode document = platformDocument();
        JsonNode schemas = document.get("components").get("schemas");

        assertThat(responseSchema(document, "/api/conferences", "get", "200"))
                .isEqualTo("#/components/schemas/agenda-service.Page");
        assertThat(responseSchema(document, "/api/conferences/{conferenceId}/registrations", "get", "200"))
                .isEqualTo("#/components/schemas/registration-service.Page");
        assertThat(schemas.get("agenda-service.Page").get("properties").get("content").get("items").get("$ref")
                .asString()).isEqualTo("#/components/schemas/Conference");
        assertThat(schemas.get("registration-service.Page").get("properties").get("number")).isNotNull();
        // Listing is written alike by both, but each one's refers to its own Page.
        assertThat(responseSchema(document, "/api/conferences/{conferenceId}/delegations", "get", "200"))
                .isEqualTo("#/components/schemas/registration-service.Listing");
        assertThat(schemas.get("registration-service.Listing").get("properties").get("page").get("$ref").asString())
                .isEqualTo("#/components/schemas/registration-service.Page");
        assertThat(schemas.get("Interpreter").get("properties").get("email").get("$ref").asString())
                .isEqualTo("#/components/schemas/interpretation-service.Email");
        assertThat(schemas.get("Channel").get("discriminator").get("mapping").get("EMAIL").asString())
                .isEqualTo("#/components/schemas/notification-service.Email");
        assertThat(schemas.get("Channel").get("oneOf").valueStream().map(option -> option.get("$ref").asString()))
                .containsExactly("#/components/schemas/notification-service.Email", "#/components/schemas/Sms");
        assertEveryReferenceResolves(document);
    }

    @Test
    void prefixesOperationIdsThatSeveralServicesUse() throws Exception {
        List<String> operationIds = platformDocument().get("paths").valueStream()
                .flatMap(JsonNode::valueStream)
                .map(operation -> operation.get("operationId").asString())
                .toList();

        assertThat(operationIds).containsExactlyInAnyOrder(
                "agenda-service.list", "agenda-service.get", "rooms",
                "registration-service.create", "registration-service.list", "registration-service.get", "delegations",
                "interpretation-service.list", "interpretation-service.create", "coverage",
                "notification-service.list", "subscribe");
    }

    @Test
    void listsEachTagOnceWithTheDescriptionOfTheFirstServiceInTheRouteTable() throws Exception {
        Map<String, String> tags = platformDocument().get("tags").valueStream().collect(Collectors.toMap(
                tag -> tag.get("name").asString(), tag -> tag.path("description").asString("")));

        assertThat(tags).containsExactlyInAnyOrderEntriesOf(Map.of(
                "conferences", "Conferences and their released programme",
                "registrations", ""));
    }

    @Test
    void describesOneApiAtTheGatewayThatTakesABearerTokenOrNone() throws Exception {
        JsonNode document = platformDocument();

        assertThat(document.get("info").get("title").asString()).isEqualTo("Learning Cities platform API");
        assertThat(document.get("servers").valueStream().map(server -> server.get("url").asString()))
                .containsExactly("/");
        assertThat(document.get("security")).isEqualTo(JSON.readTree("[{}, {\"bearer\": []}]"));
        JsonNode bearer = document.get("components").get("securitySchemes").get("bearer");
        assertThat(bearer.get("type").asString()).isEqualTo("http");
        assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");
        assertThat(bearer.get("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(bearer.get("description").asString()).contains(TestTokens.issuer());
    }

    @Test
    void answersSwaggerUiReloadsFromItsCacheWithoutAskingTheServicesAgain() throws Exception {
        platformDocument();
        Map<PlatformService, Integer> requestsBefore = requestsPerStandIn();

        for (int reload = 0; reload < 3; reload++) {
            assertThat(GatewayUnderTest.get(port, "/v3/api-docs/platform").statusCode()).isEqualTo(200);
        }

        assertThat(requestsBefore).allSatisfy((service, requests) -> assertThat(requests).as(service.name())
                .isPositive());
        assertThat(requestsPerStandIn()).isEqualTo(requestsBefore);
    }

    @Test
    void servesAnonymousCallersWhoseReadBudgetIsSpent() throws Exception {
        GatewayUnderTest.get(port, "/api/conferences");
        assertThat(GatewayUnderTest.get(port, "/api/conferences").statusCode()).isEqualTo(429);

        for (int request = 0; request < 3; request++) {
            assertThat(GatewayUnderTest.get(port, "/v3/api-docs/platform").statusCode()).isEqualTo(200);
        }
    }

    private JsonNode platformDocument() throws Exception {
        HttpResponse<String> response = GatewayUnderTest.get(port, "/v3/api-docs/platform");
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static Map<PlatformService, Integer> requestsPerStandIn() {
        return StandInApiDocuments.BY_SERVICE.keySet().stream().collect(Collectors.toMap(Function.identity(),
                service -> standIn(service).requestsReceived()));
    }

    private static String responseSchema(JsonNode document, String path, String method, String status) {
        return document.get("paths").get(path).get(method).get("responses").get(status).get("content")
                .get("application/json").get("schema").get("$ref").asString();
    }

    /** Every {@code $ref} and discriminator mapping names a schema the document has. */
    static void assertEveryReferenceResolves(JsonNode document) {
        JsonNode schemas = document.get("components").get("schemas");
        List<String> references = new ArrayList<>(document.findValuesAsString("$ref"));
        document.findValues("mapping").forEach(mapping -> mapping.valueStream()
                .forEach(reference -> references.add(reference.asString())));
        assertThat(references).isNotEmpty().allSatisfy(reference -> {
            assertThat(reference).startsWith("#/components/schemas/");
            assertThat(schemas.has(reference.substring("#/components/schemas/".length()))).as(reference).isTrue();
        });
    }
}
