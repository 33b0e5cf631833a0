package org.learningcities.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.learningcities.security.Role;
import org.learningcities.testsupport.RealInfrastructure;
import org.learningcities.testsupport.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The running service against a real PostgreSQL and a real Kafka broker, called over HTTP with a
 * client that hands back every answer, errors included, for the test to assert on. The client acts as
 * the secretariat's staff account with a real signed token; tests of who may do what send their own
 * Authorization header (or {@link #anonymous()} none).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RegistrationIntegrationTest {

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "registration_test");
    }

    @LocalServerPort
    protected int port;

    protected RestClient http;

    @BeforeEach
    void httpClient() {
        http = anonymous().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.staffBearer()).build();
    }

    /** A client sending no token. */
    protected RestClient anonymous() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    /** A client acting as one account with its roles. */
    protected RestClient as(String accountId, Role... roles) {
        return anonymous().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(accountId, roles))
                .build();
    }

    /** Approves as the secretariat; the answer must show the registration APPROVED. */
    protected String approve(String registration) {
        ResponseEntity<Map> approved = http.post().uri("/api/registrations/{id}/approval", registration)
                .retrieve().toEntity(Map.class);
        assertThat(approved.getStatusCode().value()).isEqualTo(200);
        assertThat(approved.getBody()).containsEntry("status", "APPROVED");
        return registration;
    }

    /** The signed token of the registration's current badge. */
    protected String badgeToken(String registration) {
        ResponseEntity<Map> response = http.get().uri("/api/registrations/{id}/badge/token", registration)
                .retrieve().toEntity(Map.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return (String) response.getBody().get("token");
    }

    /** Scans a badge at the conference's check-in desk. */
    protected ResponseEntity<Map> checkIn(String conference, String token) {
        return http.post().uri("/api/conferences/{id}/check-ins", conference)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("badgeToken", token))
                .retrieve().toEntity(Map.class);
    }

    /** Waits until the conference a test announced (playing agenda-service) is known here; returns its id. */
    protected String awaitKnownConference(String conferenceId) {
        await().until(() -> http.get().uri("/api/conferences/{id}/registrations", conferenceId).retrieve()
                .toBodilessEntity().getStatusCode().value() == 200);
        return conferenceId;
    }
}
