package org.learningcities.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;

import com.jayway.jsonpath.JsonPath;
import org.learningcities.platform.LocalPlatform;
import org.learningcities.platform.PlatformService;

/**
 * What the fault tests ask of the platform through its front door: the secretariat's tooling opens a conference
 * (client credentials, as in the end-to-end tests), and waits until registration-service has learnt of it.
 */
final class GatewayApi {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI gateway;
    private final URI authorizationServer;
    private String secretariatToken;

    GatewayApi(LocalPlatform platform) {
        this.gateway = platform.gatewayUrl();
        this.authorizationServer = platform.serviceUrl(PlatformService.AUTHORIZATION);
    }

    /**
     * A conference open for registration now, with room for every delegate of the bursts (so none is waitlisted),
     * once registration-service knows it: it learns of conferences from agenda-service's events.
     */
    String openConference(int capacity) {
        LocalDateTime now = LocalDateTime.now(ZoneId.of("America/Bogota")).withNano(0);
        String body = """
                {"title": "International Conference on Learning Cities", "city": "Medellín", "countryCode": "CO",
                 "venue": "Plaza Mayor", "timeZone": "America/Bogota",
                 "startDate": "2019-10-01", "endDate": "2019-10-03", "languages": ["en", "es"],
                 "registrationOpens": "%s", "registrationCloses": "%s", "capacity": %d}"""
                .formatted(now.minusDays(1), now.plusDays(30), capacity);
        HttpResponse<String> created = send(HttpRequest.newBuilder(gateway.resolve("/api/conferences"))
                .header("Authorization", secretariat())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String conferenceId = JsonPath.read(created.body(), "$.id");
        await().atMost(Duration.ofSeconds(60)).until(() -> send(HttpRequest.newBuilder(
                gateway.resolve("/api/conferences/" + conferenceId + "/registrations"))
                .header("Authorization", secretariat()).GET()).statusCode() == 200);
        return conferenceId;
    }

    /**
     * A gentle burst, 200 registrations at 10 a second, until all are accepted. Freshly started services (C1-only
     * JIT) are slow at first, and a 50-a-second burst on a cold registration-service fills the gateway's bulkhead and
     * opens its circuit breaker for a minute or more (docs/reliability.md): warming up first lets each scenario
     * measure its fault rather than the cold start.
     */
    void warmUp() throws InterruptedException {
        RegistrationBurst.Result warmUp = RegistrationBurst.start(gateway, openConference(10_000), "warm-up", 200, 10)
                .awaitCompletion();
        assertThat(warmUp.notAccepted()).as("warm-up registrations never accepted").isEmpty();
        System.out.println("FAULT WARM-UP | " + warmUp.summary());
    }

    private String secretariat() {
        if (secretariatToken == null) {
            String basic = Base64.getEncoder().encodeToString(
                    "secretariat-tools:secretariat-tools-secret".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> token = send(HttpRequest.newBuilder(authorizationServer.resolve("/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            secretariatToken = "Bearer " + JsonPath.read(token.body(), "$.access_token");
        }
        return secretariatToken;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
