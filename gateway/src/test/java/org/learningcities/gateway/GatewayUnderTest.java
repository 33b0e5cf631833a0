package org.learningcities.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.learningcities.gateway.routing.EchoingService;
import org.learningcities.gateway.routing.PlatformService;
import org.learningcities.testsupport.TestTokens;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the gateway's tests share: stand-ins for the four services, the gateway configured to validate
 * {@link TestTokens}, and a plain HTTP client, so each test drives the running gateway as a front end would.
 */
public final class GatewayUnderTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private GatewayUnderTest() {
    }

    public static Map<PlatformService, EchoingService> startStandIns() {
        Map<PlatformService, EchoingService> standIns = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            standIns.put(service, EchoingService.start(service.serviceName()));
        }
        return standIns;
    }

    /** Routes to the stand-ins and validates tokens against the test JWK set server. */
    public static void configure(DynamicPropertyRegistry registry, Map<PlatformService, EchoingService> standIns) {
        standIns.forEach((service, standIn) ->
                registry.add("platform.services." + service.name().toLowerCase() + "-uri", standIn::uri));
        registry.add("platform.auth.issuer-uri", TestTokens::issuer);
        registry.add("platform.auth.jwk-set-uri", TestTokens::jwkSetUri);
    }

    /** A request to the gateway; headers as name, value pairs. */
    public static HttpResponse<String> send(int port, String method, String pathAndQuery, String body,
                                            String... headers) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body.isEmpty()
                ? BodyPublishers.noBody()
                : BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                // A request that never gets an answer fails its test instead of stalling the build.
                .timeout(Duration.ofSeconds(20))
                .method(method, publisher);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static HttpResponse<String> get(int port, String pathAndQuery, String... headers)
            throws IOException, InterruptedException {
        return send(port, "GET", pathAndQuery, "", headers);
    }

    public static HttpClient http() {
        return HTTP;
    }
}
