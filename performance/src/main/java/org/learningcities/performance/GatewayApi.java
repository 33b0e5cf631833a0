package org.learningcities.performance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.learningcities.platform.DemoTokens;

/**
 * The calls the harness makes through the gateway to set up what it measures, as the secretariat's tooling
 * (client credentials) unless a call names another account. Every set-up call must succeed: a failure ends the run.
 */
final class GatewayApi {

    static final ZoneId VENUE = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROPAGATION_TIMEOUT = Duration.ofSeconds(90);

    private final URI gateway;
    private final DemoTokens tokens;
    private final HttpClient http = HttpClient.newHttpClient();

    GatewayApi(URI gateway, DemoTokens tokens) {
        this.gateway = gateway;
        this.tokens = tokens;
    }

    String secretariat() {
        return tokens.bearerOfClient("secretariat-tools", "secretariat-tools-secret");
    }

    String bearerOf(String demoUser) {
        return tokens.bearerOf(demoUser);
    }

    /**
     * A conference open for registration now, held in two months (so no schedule change is short notice and
     * notifications go by e-mail only), and known to registration-service when this returns.
     */
    String createConference(String title, int capacity) {
        LocalDateTime now = LocalDateTime.now(VENUE).withNano(0);
        String body = """
                {"title": "%s", "city": "Beijing", "countryCode": "CN",
                 "venue": "Beijing International Hotel", "timeZone": "Asia/Shanghai",
                 "startDate": "%s", "endDate": "%s", "languages": ["en", "zh", "fr", "es"],
                 "registrationOpens": "%s", "registrationCloses": "%s", "capacity": %d}"""
                .formatted(title, conferenceDay(), conferenceDay().plusDays(2), now.minusDays(1), now.plusDays(30),
                        capacity);
        String conference = idOf(expect(201, post("/api/conferences", body, secretariat())));
        awaitOk("/api/conferences/" + conference + "/registrations", secretariat());
        return conference;
    }

    static LocalDate conferenceDay() {
        return LocalDate.now(VENUE).plusDays(60);
    }

    String createRoom(String conference, String name) {
        return idOf(expect(201, post("/api/conferences/" + conference + "/rooms",
                "{\"name\": \"" + name + "\", \"capacity\": 5000, \"booths\": 4}", secretariat())));
    }

    /** A plenary: open to all delegates, so it is on every approved delegate's agenda. */
    String createPlenary(String conference, String room, LocalDateTime start, Duration length) {
        return idOf(expect(201, post("/api/conferences/" + conference + "/sessions", """
                {"type": "PLENARY", "title": {"en": "Plenary %s"}, "roomId": "%s", "start": "%s", "end": "%s",
                 "floorLanguages": ["zh"], "interpretationLanguages": ["en"]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8), room, start, start.plus(length)),
                secretariat())));
    }

    void moveSession(String conference, String session, LocalDateTime start, Duration length) {
        expect(200, send(request("/api/conferences/" + conference + "/sessions/" + session, secretariat())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"start\": \"%s\", \"end\": \"%s\"}".formatted(start, start.plus(length))))));
    }

    void release(String conference) {
        expect(201, post("/api/conferences/" + conference + "/schedule/releases", "", secretariat()));
    }

    HttpRequest.Builder releaseRequest(String conference) {
        return request("/api/conferences/" + conference + "/schedule/releases", secretariat())
                .POST(HttpRequest.BodyPublishers.noBody());
    }

    /** A registration as the load sends it: anonymous unless {@code bearer} is given, with its own Idempotency-Key. */
    HttpRequest.Builder registrationRequest(String conference, String email, String bearer) {
        return registrationRequest(gateway, conference, email, bearer);
    }

    /** The same registration sent to {@code base}: the gateway, or registration-service itself for comparison. */
    static HttpRequest.Builder registrationRequest(URI base, String conference, String email, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/conferences/" + conference
                        + "/registrations"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(registrationBody(email), StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return request;
    }

    static String registrationBody(String email) {
        return """
                {"givenName": "Ana", "familyName": "Lopez", "email": "%s", "phone": null, "category": "MAYOR",
                 "countryCode": "MX", "city": "Mexico City", "correspondenceLanguage": "en",
                 "listeningLanguages": ["en"]}""".formatted(email);
    }

    /** Registers one delegate, retrying (with the same Idempotency-Key) while the gateway sheds load. */
    String register(String conference, String email, String bearer) {
        return idOf(expect(201, sendRetryingWhileOverloaded(registrationRequest(conference, email, bearer))));
    }

    void approve(String registration) {
        expect(200, sendRetryingWhileOverloaded(request("/api/registrations/" + registration + "/approval",
                secretariat()).POST(HttpRequest.BodyPublishers.noBody())));
    }

    /** Polls until the gateway answers 200: another service learns of what was just created through Kafka. */
    void awaitOk(String path, String bearer) {
        long deadline = System.nanoTime() + PROPAGATION_TIMEOUT.toNanos();
        HttpResponse<String> last;
        do {
            last = send(request(path, bearer).GET());
            if (last.statusCode() == 200) {
                return;
            }
            sleep(Duration.ofMillis(200));
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("GET " + path + " still answers " + last.statusCode() + " after "
                + PROPAGATION_TIMEOUT.toSeconds() + " s: " + last.body());
    }

    /**
     * After an overload, waits until the gateway passes calls to the service behind {@code path} again: its
     * circuit breaker stays open for 15 s after too many failed or rejected calls, and answers 503 meanwhile.
     * Gives up quietly after a while: the next measurement then shows the failures.
     */
    void awaitRecovered(String path, String bearer) {
        long deadline = System.nanoTime() + PROPAGATION_TIMEOUT.toNanos();
        int answeredInARow = 0;
        while (answeredInARow < 3) {
            if (System.nanoTime() > deadline) {
                System.out.printf("  (GET %s still fails %d s after the load stopped; going on)%n", path,
                        PROPAGATION_TIMEOUT.toSeconds());
                return;
            }
            answeredInARow = send(request(path, bearer).GET()).statusCode() == 200 ? answeredInARow + 1 : 0;
            sleep(Duration.ofSeconds(1));
        }
    }

    HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return request;
    }

    private HttpResponse<String> post(String path, String body, String bearer) {
        return send(request(path, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /**
     * Set-up calls must not fail because an earlier measurement overloaded a service: the gateway answers 503 while
     * the service's circuit breaker is open, and 500 when its bulkhead is full.
     */
    private HttpResponse<String> sendRetryingWhileOverloaded(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        long deadline = System.nanoTime() + PROPAGATION_TIMEOUT.toNanos();
        HttpResponse<String> response = send(built);
        while ((response.statusCode() == 503 || response.statusCode() == 500) && System.nanoTime() < deadline) {
            sleep(Duration.ofSeconds(1));
            response = send(built);
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.timeout(Duration.ofSeconds(30)).build());
    }

    private HttpResponse<String> send(HttpRequest built) {
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                    + " answered " + response.statusCode() + " instead of " + status + ": " + response.body());
        }
        return response;
    }

    static String idOf(HttpResponse<String> response) {
        try {
            JsonNode id = JSON.readTree(response.body()).path("id");
            if (id.isMissingNode()) {
                throw new IllegalStateException("No id in " + response.body());
            }
            return id.asText();
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + response.body(), e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
