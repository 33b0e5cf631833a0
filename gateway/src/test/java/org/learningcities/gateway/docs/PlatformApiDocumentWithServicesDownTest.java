package org.learningcities.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.learningcities.gateway.GatewayUnderTest;
import org.learningcities.gateway.GatewayWithStandIns;
import org.learningcities.gateway.routing.PlatformService;
import org.springframework.boot.test.context.SpringBootTest;

import tools.jackson.databind.JsonNode;

/** Swagger UI still opens on the platform document when some services cannot give theirs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gateway.api-docs.fetch-timeout=2s")
class PlatformApiDocumentWithServicesDownTest extends GatewayWithStandIns {

    @BeforeAll
    static void takeDownAllButTheAgendaService() {
        standIn(PlatformService.AGENDA).servingApiDocument(StandInApiDocuments.AGENDA);
        standIn(PlatformService.REGISTRATION).close();
        standIn(PlatformService.INTERPRETATION).servingApiDocument(StandInApiDocuments.INTERPRETATION)
                .answeringAfter(Duration.ofSeconds(6));
        // The notification stand-in answers 200 with an empty body, which is no OpenAPI document.
    }

    @Test
    void servesTheAnsweringServicesAndNamesThoseThatAreDownTooSlowOrServeNoDocument() throws Exception {
        HttpResponse<String> response = GatewayUnderTest.get(port, "/v3/api-docs/platform");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = PlatformApiDocumentTest.JSON.readTree(response.body());
        assertThat(document.get("x-unavailable-services").valueStream().map(JsonNode::asString))
                .containsExactly("registration-service", "interpretation-service", "notification-service");
        assertThat(document.get("info").get("description").asString())
                .contains("registration-service, interpretation-service, notification-service");
        assertThat(document.get("paths").propertyNames()).containsExactlyInAnyOrder(
                "/api/conferences", "/api/conferences/{conferenceId}", "/api/conferences/{conferenceId}/rooms");
        // Nothing clashes with what is missing, so nothing is renamed.
        assertThat(document.get("components").get("schemas").propertyNames())
                .containsExactlyInAnyOrder("Conference", "Page", "Listing", "ProblemDetail");
        PlatformApiDocumentTest.assertEveryReferenceResolves(document);
    }
}
