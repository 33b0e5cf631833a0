package org.learningcities.platform.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.learningcities.platform.DemoTokens;
import org.learningcities.platform.LocalPlatform;
import org.learningcities.platform.LocalPlatformOptions;
import org.learningcities.platform.PlatformService;

/**
 * Who may do what, against the running platform: the authorization server issues real tokens to the demo
 * accounts, the gateway validates and relays them, and each service checks roles and ownership itself. The
 * authorization matrix covers every endpoint the services publish, and one test per OWASP API Security Top 10
 * (2023) risk that applies here is named after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityEndToEndIT {

    /** The callers of docs/authorization-matrix.csv and the demo accounts that play them. */
    private static final Map<String, String> DEMO_USERS = Map.of(
            "delegate", "delegate",
            "other-delegate", "delegate2",
            "focal-point", "focal-point",
            "secretariat", "secretariat",
            "visa-desk", "visa-desk",
            "coordinator", "coordinator",
            "interpreter", "interpreter",
            "operations", "operations",
            // Not columns of the matrix: the same role for someone else's delegation, roster entry or partner.
            "other-focal-point", "focal-point2",
            "other-interpreter", "interpreter2");
    private static final String PASSPORT_NUMBER = "PX4471982";
    private static final String SCHEDULE_RELEASED = "org.learningcities.agenda.schedule.released.v1";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private LocalPlatform platform;
    private DemoTokens tokens;
    private PlatformSigningKey signingKey;
    private HttpServer webhookReceiver;
    private final ExecutorService webhookReceiverThreads = Executors.newCachedThreadPool();
    private final AtomicInteger redirectsFollowed = new AtomicInteger();
    private final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    void startPlatformAndBuildTheFixture() throws Exception {
        Path dataDirectory = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "security-");
        platform = LocalPlatform.start(LocalPlatformOptions.builder()
                .dataDirectory(dataDirectory)
                .fresh(true)
                .freePorts()
                .build());
        URI authorizationServer = platform.serviceUrl(PlatformService.AUTHORIZATION);
        tokens = new DemoTokens(authorizationServer);
        signingKey = PlatformSigningKey.of(dataDirectory, authorizationServer.toString());
        webhookReceiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhookReceiver.createContext("/hooks", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(204, -1);
            }
        });
        // Partner endpoints that misbehave: one sends the delivery elsewhere, one never finishes its answer.
        webhookReceiver.createContext("/redirecting-hooks", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Location", "http://127.0.0.1:"
                        + webhookReceiver.getAddress().getPort() + "/redirect-target");
                exchange.sendResponseHeaders(307, -1);
            }
        });
        webhookReceiver.createContext("/redirect-target", exchange -> {
            try (exchange) {
                redirectsFollowed.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
            }
        });
        webhookReceiver.createContext("/trickling-hooks", exchange -> {
            try (exchange; OutputStream body = exchange.getResponseBody()) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(200, 0);
                for (int second = 0; second < 60; second++) {
                    body.write(' ');
                    body.flush();
                    Thread.sleep(1000);
                }
            } catch (IOException | InterruptedException dropped) {
                // The platform hung up, which is what it should do.
            }
        });
        webhookReceiver.setExecutor(webhookReceiverThreads);
        webhookReceiver.start();
        buildFixture();
    }

    @AfterAll
    void stopPlatform() {
        if (webhookReceiver != null) {
            webhookReceiver.stop(0);
        }
        webhookReceiverThreads.shutdownNow();
        if (platform != null) {
            platform.close();
        }
    }

    /**
     * Registration R1 registered by the delegate into delegation D of the focal point, with a visa-letter request;
     * R2 by the other delegate; an interpreter linked to the interpreter account; a partner's webhook subscription.
     */
    private void buildFixture() {
        String conference = createConference(as("secretariat"));
        ids.put("conferenceId", conference);
        String room = created(post("/api/conferences/" + conference + "/rooms", as("secretariat"),
                "{\"name\": \"Plenary Hall\", \"capacity\": 600, \"booths\": 4}"));
        ids.put("roomId", room);
        String session = created(post("/api/conferences/" + conference + "/sessions", as("secretariat"), """
                {"type": "REGIONAL_FORUM", "region": "EUROPE_AND_NORTH_AMERICA",
                 "title": {"en": "Parallel regional forum: Europe and North America"},
                 "roomId": "%s", "start": "%s", "end": "%s", "floorLanguages": ["en"],
                 "interpretationLanguages": ["fr"], "capacity": 50, "enrolmentRequired": true}"""
                .formatted(room, conferenceDay().atTime(9, 0), conferenceDay().atTime(10, 30))));
        ids.put("sessionId", session);
        assertThat(post("/api/conferences/" + conference + "/schedule/releases", as("secretariat"), "").statusCode())
                .isEqualTo(201);

        String delegation = created(post("/api/conferences/" + conference + "/delegations", as("focal-point"), """
                {"countryCode": "MX", "name": "Delegation of Mexico", "focalPoint": {"givenName": "Lucía",
                 "familyName": "Fernández", "email": "focal.point@mexico.example"}}"""));
        ids.put("delegationId", delegation);
        ids.put("registrationId", register(conference, as("delegate"), "delegate@cities.example", delegation,
                PASSPORT_NUMBER));
        ids.put("otherRegistrationId", register(conference, as("other-delegate"), "delegate2@cities.example", null,
                null));

        ids.put("interpreterId", created(post("/api/interpreters", as("coordinator"), """
                {"givenName": "Claire", "familyName": "Dubois", "email": "claire.dubois@interpreters.example",
                 "correspondenceLanguage": "fr", "accountId": "interpreter",
                 "languages": [{"language": "fr", "class": "A"}, {"language": "en", "class": "B"}],
                 "availability": [{"from": "%s", "to": "%s"}]}"""
                .formatted(conferenceDay(), conferenceDay().plusDays(2)))));
        ids.put("id", created(post("/api/webhook-subscriptions", as("partner"), """
                {"url": "http://127.0.0.1:%d/hooks", "eventTypes": ["%s"]}"""
                .formatted(webhookReceiver.getAddress().getPort(), SCHEDULE_RELEASED))));

        String registration = ids.get("registrationId");
        // Agenda and notification learn which accounts act for R1 from registration-service's internal topic.
        await().atMost(Duration.ofSeconds(90)).until(() ->
                get("/api/conferences/" + conference + "/agendas/" + registration, as("delegate")).statusCode() != 403
                        && get("/api/notification-preferences/" + registration, as("delegate")).statusCode() != 403);
        await().atMost(Duration.ofSeconds(90)).until(() -> !JsonPath.<List<String>>read(
                get("/api/notifications?recipientId=" + registration, as("secretariat")).body(), "$[*].id").isEmpty());
        ids.put("notificationId", JsonPath.<List<String>>read(
                get("/api/notifications?recipientId=" + registration, as("secretariat")).body(), "$[*].id").getFirst());
        ids.put("recipientId", registration);
        ids.put("requestId", UUID.randomUUID().toString());
        ids.put("changeId", UUID.randomUUID().toString());
    }

    @Test
    void api9_improperInventoryManagement_everyPublishedEndpointHasARuleAndEveryRuleAnEndpoint() throws IOException {
        Set<String> published = new TreeSet<>();
        for (String service : List.of("agenda-service", "registration-service", "interpretation-service",
                "notification-service")) {
            HttpResponse<String> document = get("/v3/api-docs/" + service, null);
            assertThat(document.statusCode()).as(service + " OpenAPI document").isEqualTo(200);
            published.addAll(endpointsOf(document.body()));
        }
        Set<String> ruled = new TreeSet<>();
        AuthorizationMatrix.load().rows().forEach(row -> ruled.add(row.endpoint()));

        assertThat(published).as("endpoints without a row in " + AuthorizationMatrix.FILE).isSubsetOf(ruled);
        assertThat(ruled).as("rows of " + AuthorizationMatrix.FILE + " naming no published endpoint")
                .isSubsetOf(published);
        // The gateway's one document for front ends is the same inventory, merged from the running services.
        HttpResponse<String> platform = get("/v3/api-docs/platform", null);
        assertThat(platform.statusCode()).isEqualTo(200);
        assertThat(platform.body()).doesNotContain("x-unavailable-services");
        assertThat(endpointsOf(platform.body())).as("endpoints of /v3/api-docs/platform").isEqualTo(published);
    }

    private static Set<String> endpointsOf(String openApiDocument) {
        Set<String> endpoints = new TreeSet<>();
        Map<String, Map<String, Object>> paths = JsonPath.read(openApiDocument, "$.paths");
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(method -> Set.of("get", "post", "put", "patch", "delete").contains(method))
                .forEach(method -> endpoints.add(method.toUpperCase() + " " + path)));
        return endpoints;
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryCallerAsTheMatrixSays() throws IOException {
        AuthorizationMatrix matrix = AuthorizationMatrix.load();
        List<DynamicTest> checks = new ArrayList<>();
        for (AuthorizationMatrix.Row row : matrix.rows()) {
            for (String caller : matrix.callers()) {
                boolean allowed = row.allows(caller);
                checks.add(DynamicTest.dynamicTest(row.method() + " " + row.path() + " as " + caller + " -> "
                        + (allowed ? "allowed" : "denied"), () -> {
                    Answer answer = call(row, caller.equals("anonymous") ? null : as(caller));
                    if (allowed) {
                        assertThat(answer.status()).as(answer.toString()).isNotIn(401, 403).isLessThan(500);
                    } else {
                        assertThat(answer.status()).as(answer.toString())
                                .isEqualTo(caller.equals("anonymous") ? 401 : 403);
                        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
                    }
                }));
            }
            checks.add(DynamicTest.dynamicTest(row.method() + " " + row.path() + " with an expired token -> 401", () ->
                    assertThat(call(row, "Bearer " + signingKey.expired("secretariat", "SECRETARIAT", "OPERATIONS",
                            "INTERPRETATION_COORDINATOR", "PARTNER", "DELEGATE")).status()).isEqualTo(401)));
            checks.add(DynamicTest.dynamicTest(row.method() + " " + row.path() + " signed by another key -> 401", () ->
                    assertThat(call(row, "Bearer " + signingKey.signedByAnotherKey("secretariat", "SECRETARIAT",
                            "OPERATIONS", "INTERPRETATION_COORDINATOR", "PARTNER", "DELEGATE")).status())
                            .isEqualTo(401)));
        }
        return checks.stream();
    }

    @Test
    void api1_brokenObjectLevelAuthorization_aDelegateReachesOnlyTheirOwnRecords() {
        String mine = ids.get("registrationId");
        String theirs = ids.get("otherRegistrationId");
        String conference = ids.get("conferenceId");

        assertThat(get("/api/registrations/" + mine, as("delegate")).statusCode()).isEqualTo(200);
        for (String path : List.of("/api/registrations/" + theirs, "/api/registrations/" + theirs + "/badge/token",
                "/api/conferences/" + conference + "/agendas/" + theirs, "/api/notifications?recipientId=" + theirs,
                "/api/notification-preferences/" + theirs, "/api/registrations/" + theirs + "/visa-letter")) {
            assertThat(get(path, as("delegate")).statusCode()).as(path).isEqualTo(403);
        }
        // The focal point manages the delegation's members, not other delegates.
        assertThat(get("/api/registrations/" + mine, as("focal-point")).statusCode()).isEqualTo(200);
        assertThat(get("/api/registrations/" + theirs, as("focal-point")).statusCode()).isEqualTo(403);
        // Enrolling someone else is refused even with a valid body.
        HttpResponse<String> enrolOther = post("/api/conferences/" + conference + "/sessions/" + ids.get("sessionId")
                + "/enrolments", as("delegate"), "{\"registrationId\": \"" + theirs + "\"}");
        assertThat(enrolOther.statusCode()).as(enrolOther.body()).isEqualTo(403);
        // A partner reaches only its own webhook subscriptions; the interpreter only their own schedule.
        assertThat(get("/api/interpreters/" + ids.get("interpreterId") + "/assignments", as("interpreter"))
                .statusCode()).isEqualTo(200);
        assertThat(get("/api/interpreters/" + ids.get("interpreterId") + "/assignments", as("delegate"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void api1_brokenObjectLevelAuthorization_focalPointsInterpretersAndPartnersReachOnlyTheirOwn() {
        String conference = ids.get("conferenceId");
        String delegation = "/api/conferences/" + conference + "/delegations/" + ids.get("delegationId");
        String member = """
                {"givenName": "Rosa", "familyName": "Diaz", "email": "rosa.diaz@cities.example", "category": "MAYOR",
                 "countryCode": "MX", "city": "Puebla", "correspondenceLanguage": "es", "listeningLanguages": ["es"]}""";
        // Another Member State's focal point: delegation D and its members are out of reach, and so is D's list.
        String theirDelegation = created(post("/api/conferences/" + conference + "/delegations",
                as("other-focal-point"), """
                {"countryCode": "BR", "name": "Delegation of Brazil", "focalPoint": {"givenName": "João",
                 "familyName": "Silva", "email": "focal.point@brazil.example"}}"""));
        assertThat(get(delegation, as("other-focal-point")).statusCode()).isEqualTo(403);
        assertThat(get(delegation + "/members", as("other-focal-point")).statusCode()).isEqualTo(403);
        assertThat(post(delegation + "/members", as("other-focal-point"), member).statusCode()).isEqualTo(403);
        assertThat(get("/api/registrations/" + ids.get("registrationId"), as("other-focal-point")).statusCode())
                .isEqualTo(403);
        assertThat(JsonPath.<List<String>>read(get("/api/conferences/" + conference + "/delegations",
                as("other-focal-point")).body(), "$[*].id")).containsExactly(theirDelegation);
        assertThat(get("/api/conferences/" + conference + "/delegations/" + theirDelegation, as("focal-point"))
                .statusCode()).isEqualTo(403);
        // Another interpreter: the roster entry linked to the interpreter account is not theirs.
        String interpreter = "/api/interpreters/" + ids.get("interpreterId");
        for (String path : List.of(interpreter, interpreter + "/assignments", interpreter + "/assignments.ics")) {
            assertThat(get(path, as("other-interpreter")).statusCode()).as(path).isEqualTo(403);
        }
        // Another partner: the subscription, its deliveries and its deletion belong to the partner that made it.
        // (A subscription of its own: the matrix deletes the fixture's.)
        String subscription = "/api/webhook-subscriptions/" + created(post("/api/webhook-subscriptions", as("partner"),
                """
                {"url": "http://127.0.0.1:%d/hooks", "eventTypes": ["%s"]}"""
                .formatted(webhookReceiver.getAddress().getPort(), SCHEDULE_RELEASED)));
        assertThat(get(subscription, as("other-partner")).statusCode()).isEqualTo(403);
        assertThat(get(subscription + "/deliveries", as("other-partner")).statusCode()).isEqualTo(403);
        assertThat(delete(subscription, as("other-partner")).statusCode()).isEqualTo(403);
        assertThat(JsonPath.<List<String>>read(get("/api/webhook-subscriptions", as("other-partner")).body(),
                "$[*].id")).noneMatch(subscription::endsWith);
        assertThat(get(subscription, as("partner")).statusCode()).isEqualTo(200);
        assertThat(delete(subscription, as("partner")).statusCode()).isEqualTo(204);
    }

    @Test
    void api2_brokenAuthentication_forgedExpiredAndMisdirectedTokensAreRejectedEverywhere() {
        String search = "/api/conferences/" + ids.get("conferenceId") + "/registrations";
        assertThat(get(search, as("secretariat")).statusCode()).isEqualTo(200);

        Map<String, String> forgeries = new LinkedHashMap<>();
        forgeries.put("expired", signingKey.expired("secretariat", "SECRETARIAT"));
        forgeries.put("signed by another key", signingKey.signedByAnotherKey("secretariat", "SECRETARIAT"));
        forgeries.put("alg none", signingKey.unsigned("secretariat", "SECRETARIAT"));
        forgeries.put("for another audience", signingKey.forAudience("some-other-api", "secretariat", "SECRETARIAT"));
        forgeries.put("from another issuer", signingKey.fromIssuer("https://login.example.org", "secretariat",
                "SECRETARIAT"));
        forgeries.put("not a JWT", "not-a-token");
        forgeries.forEach((kind, token) -> {
            HttpResponse<String> through = get(search, "Bearer " + token);
            assertThat(through.statusCode()).as(kind + " through the gateway").isEqualTo(401);
            assertThat(through.headers().firstValue("WWW-Authenticate")).as(kind).hasValueSatisfying(challenge ->
                    assertThat(challenge).startsWith("Bearer"));
            // No trust in the network: the service refuses it too when called directly.
            HttpResponse<String> direct = send(HttpRequest.newBuilder(platform.serviceUrl(PlatformService.REGISTRATION)
                    .resolve(search)).header("Authorization", "Bearer " + token).GET().build());
            assertThat(direct.statusCode()).as(kind + " straight to registration-service").isEqualTo(401);
        });

        HttpResponse<String> wrongSecret = send(HttpRequest.newBuilder(
                        platform.serviceUrl(PlatformService.AUTHORIZATION).resolve("/oauth2/token"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "partner-demo:guessed".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
    }

    @Test
    void api3_brokenObjectPropertyLevelAuthorization_serverOwnedFieldsAndPassportDataStayOutOfReach() {
        String conference = ids.get("conferenceId");
        HttpResponse<String> selfApproved = post("/api/conferences/" + conference + "/registrations", null, """
                {"givenName": "Ana", "familyName": "Lopez", "email": "ana.%s@cities.example", "category": "MAYOR",
                 "countryCode": "MX", "city": "Mexico City", "correspondenceLanguage": "es",
                 "listeningLanguages": ["es"], "status": "APPROVED"}""".formatted(UUID.randomUUID()));
        assertThat(selfApproved.statusCode()).as(selfApproved.body()).isEqualTo(400);
        assertThat(selfApproved.body()).contains("status");

        String registration = ids.get("registrationId");
        HttpResponse<String> renamedId = patch("/api/registrations/" + registration, as("delegate"),
                "{\"id\": \"someone-else\"}");
        assertThat(renamedId.statusCode()).as(renamedId.body()).isEqualTo(400);

        // A partner names what it wants delivered, not the subscription's id, status or creation time.
        String chosenId = UUID.randomUUID().toString();
        HttpResponse<String> subscribed = post("/api/webhook-subscriptions", as("partner"), """
                {"url": "http://127.0.0.1:%d/hooks", "eventTypes": ["%s"], "id": "%s", "status": "DISABLED",
                 "createdAt": "2013-10-21T00:00:00Z"}"""
                .formatted(webhookReceiver.getAddress().getPort(), SCHEDULE_RELEASED, chosenId));
        String subscription = created(subscribed);
        assertThat(subscription).isNotEqualTo(chosenId);
        assertThat(JsonPath.<String>read(subscribed.body(), "$.status")).isEqualTo("ACTIVE");
        assertThat(JsonPath.<String>read(subscribed.body(), "$.createdAt")).doesNotStartWith("2013");
        assertThat(delete("/api/webhook-subscriptions/" + subscription, as("partner")).statusCode()).isEqualTo(204);

        // Passport data: only the owner's and the visa desk's visa-letter endpoint show it.
        for (String caller : List.of("secretariat", "focal-point", "delegate")) {
            assertThat(get("/api/registrations/" + registration, as(caller)).body()).as(caller)
                    .doesNotContain(PASSPORT_NUMBER);
        }
        assertThat(get("/api/conferences/" + conference + "/registrations", as("secretariat")).body())
                .doesNotContain(PASSPORT_NUMBER);
        assertThat(get("/api/conferences/" + conference + "/registrations/export.csv", as("secretariat")).body())
                .doesNotContain(PASSPORT_NUMBER);
        assertThat(get("/api/conferences/" + conference + "/delegations/" + ids.get("delegationId") + "/members",
                as("focal-point")).body()).doesNotContain(PASSPORT_NUMBER);
        assertThat(get("/api/registrations/" + registration + "/visa-letter", as("visa-desk")).body())
                .contains(PASSPORT_NUMBER);
        assertThat(get("/api/registrations/" + registration + "/visa-letter", as("secretariat")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void api4_unrestrictedResourceConsumption_oversizedBodiesAndPagesAreRefused() {
        String huge = "{\"givenName\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        HttpResponse<String> oversized = post("/api/conferences/" + ids.get("conferenceId") + "/registrations", null,
                huge);
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(oversized.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> hugePage = get("/api/conferences/" + ids.get("conferenceId")
                + "/registrations?size=1000000", as("secretariat"));
        assertThat(hugePage.statusCode()).as(hugePage.body()).isEqualTo(400);
    }

    @Test
    void api4_unrestrictedResourceConsumption_aRegistrationBurstIsRateLimitedWithoutStarvingProgrammeReads()
            throws Exception {
        String conference = ids.get("conferenceId");
        ExecutorService burst = Executors.newFixedThreadPool(16);
        AtomicInteger limited = new AtomicInteger();
        ConcurrentLinkedQueue<String> retryAfter = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                sent.add(burst.submit(() -> {
                    HttpResponse<String> answer = post("/api/conferences/" + conference + "/registrations", null, "{}");
                    if (answer.statusCode() == 429) {
                        limited.incrementAndGet();
                        answer.headers().firstValue("Retry-After").ifPresent(retryAfter::add);
                    }
                }));
            }
            // Programme reads have their own budget: they keep answering while registrations are limited.
            for (int i = 0; i < 20; i++) {
                assertThat(get("/api/conferences/" + conference + "/sessions", null).statusCode()).isEqualTo(200);
            }
            for (Future<?> request : sent) {
                request.get();
            }
        } finally {
            burst.shutdownNow();
        }
        assertThat(limited.get()).as("registrations answered 429").isPositive();
        assertThat(retryAfter).isNotEmpty().allSatisfy(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        // Let the budget refill, as a well-behaved client does, so the other tests register again.
        int longestWait = retryAfter.stream().mapToInt(Integer::parseInt).max().orElse(0);
        Thread.sleep(Duration.ofSeconds(longestWait + 1));
    }

    @Test
    void api5_brokenFunctionLevelAuthorization_rolesCannotReachFunctionsOfOtherRoles() {
        String registration = ids.get("otherRegistrationId");
        assertThat(post("/api/registrations/" + registration + "/approval", as("other-delegate"), "").statusCode())
                .as("a delegate approving their own registration").isEqualTo(403);
        assertThat(post("/api/conferences", as("partner"), "{}").statusCode()).isEqualTo(403);
        assertThat(get("/api/conferences/" + ids.get("conferenceId") + "/registrations", as("operations"))
                .statusCode()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(gateway("/api/interpreters/" + ids.get("interpreterId")))
                .header("Authorization", as("interpreter")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode())
                .as("an interpreter editing the roster").isEqualTo(403);
        assertThat(post("/api/conferences/" + ids.get("conferenceId") + "/check-ins", as("focal-point"),
                "{\"badgeToken\": \"x\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void api6_unrestrictedAccessToSensitiveBusinessFlows_retriedRegistrationsNeverDuplicate() {
        String conference = ids.get("conferenceId");
        String key = UUID.randomUUID().toString();
        String body = """
                {"givenName": "Wei", "familyName": "Wang", "email": "wei.%s@cities.example",
                 "category": "CITY_EDUCATION_EXECUTIVE", "countryCode": "CN", "city": "Beijing",
                 "correspondenceLanguage": "zh", "listeningLanguages": ["zh", "en"]}""".formatted(key);
        Set<String> answeredIds = new TreeSet<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(gateway("/api/conferences/" + conference
                            + "/registrations")).header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
            answeredIds.add(JsonPath.read(answer.body(), "$.id"));
        }
        assertThat(answeredIds).hasSize(1);
        // The same person again under a new key is a conflict pointing at the first registration, not a second one.
        HttpResponse<String> again = post("/api/conferences/" + conference + "/registrations", null, body);
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void api7_serverSideRequestForgery_webhooksCannotTargetInternalAddresses() {
        for (String target : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/hooks",
                "http://[::ffff:10.0.0.7]/hooks", "http://100.64.0.1/hooks")) {
            HttpResponse<String> subscribed = post("/api/webhook-subscriptions", as("partner"),
                    "{\"url\": \"" + target + "\", \"eventTypes\": [\"org.learningcities.agenda.schedule.released.v1\"]}");
            assertThat(subscribed.statusCode()).as(target + ": " + subscribed.body()).isEqualTo(400);
            assertThat(subscribed.body()).as(target).contains("url");
        }
    }

    @Test
    void api8_securityMisconfiguration_noActuatorNoStackTracesNoForeignOrigins() {
        for (String path : List.of("/actuator/env", "/actuator/prometheus", "/actuator/heapdump",
                "/actuator/configprops", "/api/../actuator/env", "/api/conferences/%2e%2e/%2e%2e/actuator/env")) {
            assertThat(send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path)).GET().build())
                    .statusCode()).as(path).isIn(400, 404);
        }
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);

        HttpResponse<String> malformed = post("/api/conferences/" + ids.get("conferenceId") + "/registrations", null,
                "{\"givenName\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("at org.", "Exception", "tools.jackson");

        HttpResponse<String> foreignPreflight = send(HttpRequest.newBuilder(gateway("/api/conferences"))
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(foreignPreflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> frontEndPreflight = send(HttpRequest.newBuilder(gateway("/api/conferences"))
                .header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(frontEndPreflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("http://localhost:3000");

        assertThat(get("/api/conferences", null).headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void api10_unsafeConsumptionOfApis_aPartnerEndpointCanNeitherRedirectNorHoldADelivery() {
        String redirecting = created(post("/api/webhook-subscriptions", as("partner"), """
                {"url": "http://127.0.0.1:%d/redirecting-hooks", "eventTypes": ["%s"]}"""
                .formatted(webhookReceiver.getAddress().getPort(), SCHEDULE_RELEASED)));
        String trickling = created(post("/api/webhook-subscriptions", as("partner"), """
                {"url": "http://127.0.0.1:%d/trickling-hooks", "eventTypes": ["%s"]}"""
                .formatted(webhookReceiver.getAddress().getPort(), SCHEDULE_RELEASED)));

        // A release needs a change since the last one: a new session.
        String conference = ids.get("conferenceId");
        created(post("/api/conferences/" + conference + "/sessions", as("secretariat"), """
                {"type": "REGIONAL_FORUM", "region": "ARAB_STATES",
                 "title": {"en": "Parallel regional forum: Arab States"}, "roomId": "%s", "start": "%s", "end": "%s",
                 "floorLanguages": ["en"], "interpretationLanguages": ["fr"], "capacity": 50, "enrolmentRequired": true}"""
                .formatted(ids.get("roomId"), conferenceDay().atTime(16, 0), conferenceDay().atTime(17, 0))));
        HttpResponse<String> released = post("/api/conferences/" + conference + "/schedule/releases",
                as("secretariat"), "");
        assertThat(released.statusCode()).as(released.body()).isEqualTo(201);

        // The redirect is a failed answer (retried later); the endless answer's status is all that counts, so its
        // delivery ends as soon as the status is in, not when the body would (a minute) or at the 10 s timeout.
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(JsonPath.<List<Integer>>read(deliveriesOf(redirecting), "$[*].attempts[0].httpStatus"))
                    .as("the redirect is an answer, not an instruction").contains(307);
            assertThat(JsonPath.<List<Integer>>read(deliveriesOf(trickling), "$[*].attempts[0].httpStatus"))
                    .as("the endless answer's status").contains(200);
        });
        assertThat(JsonPath.<List<Number>>read(deliveriesOf(trickling), "$[*].attempts[0].durationMs"))
                .as("milliseconds the delivery to the endless answer took")
                .allSatisfy(duration -> assertThat(duration.longValue()).isLessThan(10_000));
        assertThat(redirectsFollowed).as("requests that reached the redirect's target").hasValue(0);
        for (String subscription : List.of(redirecting, trickling)) {
            assertThat(delete("/api/webhook-subscriptions/" + subscription, as("partner")).statusCode()).isEqualTo(204);
        }
    }

    @Test
    void api9_improperInventoryManagement_aPartnerSeesOnlyPublicEventTypesAndTheAsyncApiDocument() {
        HttpResponse<String> internal = post("/api/webhook-subscriptions", as("partner"),
                "{\"url\": \"http://127.0.0.1:" + webhookReceiver.getAddress().getPort() + "/hooks\", "
                        + "\"eventTypes\": [\"org.learningcities.registration.delegate.contact-changed.v1\"]}");
        assertThat(internal.statusCode()).as(internal.body()).isEqualTo(400);
        HttpResponse<String> asyncApi = get("/asyncapi.yaml", null);
        assertThat(asyncApi.statusCode()).isEqualTo(200);
        assertThat(asyncApi.body()).contains("registration.delegates.v1").doesNotContain(".internal.");
    }

    private String deliveriesOf(String subscriptionId) {
        HttpResponse<String> deliveries = get("/api/webhook-subscriptions/" + subscriptionId + "/deliveries",
                as("partner"));
        assertThat(deliveries.statusCode()).as(deliveries.body()).isEqualTo(200);
        return deliveries.body();
    }

    private Answer call(AuthorizationMatrix.Row row, String bearer) {
        String path = row.path();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway(path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        switch (row.method()) {
            case "GET" -> request.GET();
            case "DELETE" -> request.DELETE();
            default -> {
                // Bodies that pass the access rules and then fail validation, so allowed calls change nothing:
                // an enrolment names R1, a registration names delegation D (a focal point registers only into
                // their own delegation).
                boolean csv = path.endsWith("/import");
                String body = path.endsWith("/enrolments")
                        ? "{\"registrationId\": \"" + ids.get("registrationId") + "\"}"
                        : path.endsWith("/registrations") ? "{\"delegationId\": \"" + ids.get("delegationId") + "\"}"
                        : csv ? "" : "{}";
                request.header("Content-Type", csv ? "text/csv" : "application/json")
                        .method(row.method(), HttpRequest.BodyPublishers.ofString(body));
            }
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream body = response.body()) {
                // A stream that was let in stays open: its status and type are the answer.
                String text = contentType.startsWith("text/event-stream") ? ""
                        : new String(body.readNBytes(2000), StandardCharsets.UTF_8);
                return new Answer(row.method() + " " + path, response.statusCode(), contentType, text);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Answer(String request, int status, String contentType, String body) {
    }

    private String as(String caller) {
        if (caller.equals("partner")) {
            return tokens.bearerOfClient("partner-demo", "partner-demo-secret");
        }
        if (caller.equals("other-partner")) {
            return tokens.bearerOfClient("partner-demo-2", "partner-demo-2-secret");
        }
        return tokens.bearerOf(DEMO_USERS.get(caller));
    }

    private String createConference(String bearer) {
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0);
        return created(post("/api/conferences", bearer, """
                {"title": "International Conference on Learning Cities", "city": "Beijing", "countryCode": "CN",
                 "venue": "Beijing International Hotel", "timeZone": "Asia/Shanghai",
                 "startDate": "%s", "endDate": "%s", "languages": ["en", "zh", "fr", "es"],
                 "registrationOpens": "%s", "registrationCloses": "%s", "capacity": 500}"""
                .formatted(conferenceDay(), conferenceDay().plusDays(2), now.minusDays(1), now.plusDays(30))));
    }

    private static java.time.LocalDate conferenceDay() {
        return java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(60);
    }

    private String register(String conference, String bearer, String email, String delegationId, String passport) {
        String body = """
                {"givenName": "Ana", "familyName": "Lopez", "email": "%s", "category": "MAYOR",
                 "countryCode": "MX", "city": "Mexico City", "correspondenceLanguage": "es",
                 "listeningLanguages": ["es", "en"], "delegationId": %s, "visaLetter": %s}"""
                .formatted(email, delegationId == null ? "null" : '"' + delegationId + '"', passport == null ? "null"
                        : """
                        {"passportNumber": "%s", "nationality": "MX", "dateOfBirth": "1971-04-12",
                         "passportExpiry": "2031-01-31"}""".formatted(passport));
        HttpResponse<String>[] answer = new HttpResponse[1];
        // Registration-service learns of the conference from agenda's events: 404 until then.
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            answer[0] = post("/api/conferences/" + conference + "/registrations", bearer, body);
            return answer[0].statusCode() != 404;
        });
        return created(answer[0]);
    }

    private static String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JsonPath.read(response.body(), "$.id");
    }

    private HttpResponse<String> get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway(path)).GET();
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return send(request.build());
    }

    private HttpResponse<String> delete(String path, String bearer) {
        return send(HttpRequest.newBuilder(gateway(path)).DELETE().header("Authorization", bearer).build());
    }

    private HttpResponse<String> post(String path, String bearer, String json) {
        return withBody("POST", path, bearer, json);
    }

    private HttpResponse<String> patch(String path, String bearer, String json) {
        return withBody("PATCH", path, bearer, json);
    }

    private HttpResponse<String> withBody(String method, String path, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return send(request.build());
    }

    private URI gateway(String path) {
        return platform.gatewayUrl().resolve(path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
