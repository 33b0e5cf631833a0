package org.learningcities.registration;

import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.BeforeEach;
import org.learningcities.security.Role;
import org.learningcities.testsupport.RealInfrastructure;
import org.learningcities.testsupport.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
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

    /** Waits until the conference a test announced (playing agenda-service) is known here; returns its id. */
    protected String awaitKnownConference(String conferenceId) {
        await().until(() -> http.get().uri("/api/conferences/{id}/registrations", conferenceId).retrieve()
                .toBodilessEntity().getStatusCode().value() == 200);
        return conferenceId;
    }
}
