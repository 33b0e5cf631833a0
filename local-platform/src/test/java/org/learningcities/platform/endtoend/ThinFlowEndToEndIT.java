package org.learningcities.platform.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.learningcities.platform.DemoTokens;
import org.learningcities.platform.LocalPlatform;
import org.learningcities.platform.LocalPlatformOptions;
import org.learningcities.platform.PlatformService;

/**
 * The thin flow of the foundation, on the real platform: the four services and the gateway as their
 * own processes, one real Kafka broker process, one real PostgreSQL and a real SMTP server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThinFlowEndToEndIT {

    private static final String DELEGATES_TOPIC = "registration.delegates.v1";
    private static final String REGISTERED_TYPE = "org.learningcities.registration.delegate.registered.v1";
    /** Marks a request to be sent without a token. */
    private static final String ANONYMOUS = "anonymous";
    /** The processes that export spans to the test's OTLP receiver. */
    private static final List<PlatformService> TRACED_PROCESSES = List.of(PlatformService.GATEWAY,
            PlatformService.REGISTRATION, PlatformService.AGENDA, PlatformService.INTERPRETATION,
            PlatformService.NOTIFICATION);

    private final HttpClient http = HttpClient.newHttpClient();
    private OtlpTraceReceiver traces;
    private LocalPlatform platform;
    private DemoTokens tokens;
    private String conferenceId;

    @BeforeAll
    void startPlatform() throws IOException {
        Path dataDirectory = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "e2e-");
        traces = new OtlpTraceReceiver();
        LocalPlatformOptions.Builder options = LocalPlatformOptions.builder()
                .dataDirectory(dataDirectory)
                .fresh(true)
                .freePorts();
        for (PlatformService traced : TRACED_PROCESSES) {
            options.environment(traced, "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                            traces.endpoint().toString())
                    .environment(traced, "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "500ms");
        }
        platform = LocalPlatform.start(options.build());
        tokens = new DemoTokens(platform.serviceUrl(PlatformService.AUTHORIZATION));
        conferenceId = createConference();
        // Registration-service learns of conferences from agenda's events; later tests stop the broker.
        await().atMost(Duration.ofSeconds(60)).until(() ->
                get("/api/conferences/" + conferenceId + "/registrations").statusCode() == 200);
    }

    @AfterAll
    void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
        if (traces != null) {
            traces.close();
        }
    }

    @Test
    void oneRegistrationIsOneTraceFromTheGatewayThroughKafkaToEveryConsumerAndTheSmtpSend() {
        // The front end's own span starts the trace, as a browser instrumented with OpenTelemetry would.
        String traceId = randomHex(16);
        String frontEndSpanId = randomHex(8);
        String email = "traced-" + UUID.randomUUID() + "@cities.example";
        HttpResponse<String> registered = post("/api/conferences/" + conferenceId + "/registrations", """
                {"givenName": "Ana", "familyName": "Lopez", "email": "%s", "category": "MAYOR", "countryCode": "MX",
                 "city": "Mexico City", "correspondenceLanguage": "es", "listeningLanguages": ["es"]}"""
                .formatted(email), Map.of("Idempotency-Key", UUID.randomUUID().toString(), "Authorization", ANONYMOUS,
                "traceparent", "00-" + traceId + "-" + frontEndSpanId + "-01"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(registered.headers().firstValue("X-Trace-Id")).as("the trace named in the answer").hasValue(traceId);
        awaitSingleMailTo(email);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<OtlpTraceReceiver.ExportedSpan> trace = traces.spansOf(traceId);
            assertThat(trace).as("spans of trace %s", traceId).extracting(OtlpTraceReceiver.ExportedSpan::service)
                    .contains("gateway", "registration-service");
            assertThat(trace).as("registration-service publishes to Kafka").anyMatch(span ->
                    span.service().equals("registration-service")
                            && span.kind() == OtlpTraceReceiver.ExportedSpan.KIND_PRODUCER);
            for (String consumer : List.of("agenda-service", "interpretation-service", "notification-service")) {
                assertThat(trace).as(consumer + " consumes the event").anyMatch(span ->
                        span.service().equals(consumer) && span.kind() == OtlpTraceReceiver.ExportedSpan.KIND_CONSUMER);
            }
            assertThat(trace).as("the acknowledgement's SMTP send").anyMatch(span ->
                    span.service().equals("notification-service") && span.name().equals("smtp send"));
            // One tree: every span hangs from the front end's span or from another span of the same trace.
            Set<String> parents = trace.stream().map(OtlpTraceReceiver.ExportedSpan::spanId)
                    .collect(Collectors.toCollection(HashSet::new));
            parents.add(frontEndSpanId);
            assertThat(trace).allSatisfy(span -> assertThat(parents).as("parent of %s", span)
                    .contains(span.parentSpanId()));
        });
    }

    @Test
    void aRegistrationThroughTheGatewayIsAcknowledgedInTheDelegatesLanguageAndReplicatedEverywhere() {
        Map<String, String> subjects = Map.of(
                "en", "We received your registration",
                "zh", "我们已收到您的",
                "fr", "Nous avons bien reçu votre inscription",
                "es", "Hemos recibido su inscripción");
        String beijing = createConference();
        Map<String, String> registrationIds = new java.util.HashMap<>();
        subjects.keySet().forEach(language -> registrationIds.put(language, register(beijing,
                "delegate-" + language + "-" + UUID.randomUUID() + "@cities.example", language)));

        subjects.forEach((language, subject) -> {
            String email = emailOf(registrationIds.get(language));
            MimeMessage mail = awaitSingleMailTo(email);
            assertThat(subjectOf(mail)).startsWith(subject).contains("Learning Cities");
        });

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(queryLong(PlatformService.AGENDA,
                "select count(*) from delegate where conference_id = ?", beijing)).isEqualTo(4));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String receivers = get("/api/conferences/" + beijing + "/interpretation/receivers").body();
            // Every delegate listens in their own language and in English.
            assertThat(JsonPath.<List<Integer>>read(receivers, "$.channels[?(@.language == 'en')].delegates"))
                    .containsExactly(4);
            assertThat(JsonPath.<List<Integer>>read(receivers, "$.channels[?(@.language == 'zh')].delegates"))
                    .containsExactly(1);
        });
        String log = get("/api/notifications?recipientId=" + registrationIds.get("zh")).body();
        assertThat(JsonPath.<List<String>>read(log, "$[?(@.channel == 'EMAIL')].status")).containsExactly("SENT");
        assertThat(JsonPath.<List<String>>read(log, "$[?(@.channel == 'EMAIL')].language")).containsExactly("zh");
    }

    @Test
    void aRegistrationAcceptedWhileTheBrokerIsDownIsDeliveredWhenItReturns() {
        platform.kafkaBroker().stop();
        String email = "offline-" + UUID.randomUUID() + "@cities.example";
        String registrationId;
        try {
            registrationId = register(conferenceId, email, "fr");
            assertThat(queryLong(PlatformService.REGISTRATION,
                    "select count(*) from messaging.outbox_event where message_key = ? and published_at is null",
                    registrationId)).as("events waiting in the outbox: registered, contact, accounts linked")
                    .isEqualTo(3);
            assertThat(mailsTo(email)).isEmpty();
        } finally {
            platform.kafkaBroker().start();
        }

        assertThat(subjectOf(awaitSingleMailTo(email))).startsWith("Nous avons bien reçu votre inscription");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(queryLong(PlatformService.AGENDA,
                "select count(*) from delegate where registration_id = ?", registrationId)).isEqualTo(1));
        assertThat(queryLong(PlatformService.REGISTRATION,
                "select count(*) from messaging.outbox_event where message_key = ? and published_at is null",
                registrationId)).isZero();
    }

    @Test
    void theSameEventDeliveredTwiceSendsOneEmail() throws Exception {
        String email = "twice-" + UUID.randomUUID() + "@cities.example";
        String registrationId = register(conferenceId, email, "es");
        awaitSingleMailTo(email);

        double skippedBefore = metricsOf(PlatformService.NOTIFICATION).sum("inbox_duplicates_skipped_total", Map.of());

        ConsumerRecord<byte[], byte[]> original = findDelegateEvent(registrationId);
        RecordMetadata redelivered = produceAgain(original);
        awaitConsumed("notification-service", redelivered);

        assertThat(mailsTo(email)).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(metricsOf(PlatformService.NOTIFICATION)
                .sum("inbox_duplicates_skipped_total", Map.of())).as("duplicates skipped").isGreaterThan(skippedBefore));
    }

    @Test
    void operationsSeeARegistrationMoveTheMetricsAndTheConsumersCatchUp() {
        Map<String, String> emailsSent = Map.of("channel", "EMAIL", "outcome", "SENT");
        Map<String, String> pending = Map.of("conference", conferenceId, "status", "PENDING");
        double sentBefore = metricsOf(PlatformService.NOTIFICATION).sum("platform_notifications_total", emailsSent);
        double pendingBefore = metricsOf(PlatformService.REGISTRATION).sum("platform_registrations", pending);
        String email = "metrics-" + UUID.randomUUID() + "@cities.example";

        register(conferenceId, email, "zh");
        awaitSingleMailTo(email);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            PrometheusScrape notification = metricsOf(PlatformService.NOTIFICATION);
            assertThat(notification.sum("platform_notifications_total", emailsSent)).isGreaterThan(sentBefore);
            assertThat(notification.sum("platform_notification_delivery_seconds_count", Map.of("channel", "EMAIL")))
                    .isPositive();
        });
        // Gauges read the services' own tables every 15 s; the outbox empties once Kafka has the events.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(metricsOf(PlatformService.REGISTRATION)
                .sum("platform_registrations", pending)).isGreaterThanOrEqualTo(pendingBefore + 1));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(metricsOf(PlatformService.REGISTRATION)
                .sum("outbox_backlog", Map.of())).isZero());
        // Kafka's client metrics reach Micrometer within a minute of a consumer's first fetch.
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(metricsOf(PlatformService.NOTIFICATION)
                .matching("kafka_consumer_fetch_manager_records_lag", Map.of("topic", DELEGATES_TOPIC)))
                .isNotEmpty()
                .allSatisfy(partition -> assertThat(partition.value()).as(partition.labels().toString()).isZero()));
    }

    /** Runs last, so the other scenarios have exercised every part of the platform the dashboards show. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theDashboardsAndAlertRulesReadOnlyMetricsTheRunningProcessesExport() throws IOException {
        String delegate = register(conferenceId, "checked-in-" + UUID.randomUUID() + "@cities.example", "en");
        approve(delegate);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                get("/api/registrations/" + delegate + "/badge/token").statusCode() == 200);
        String badgeToken = JsonPath.read(get("/api/registrations/" + delegate + "/badge/token").body(), "$.token");
        HttpResponse<String> checkedIn = post("/api/conferences/" + conferenceId + "/check-ins",
                "{\"badgeToken\": \"" + badgeToken + "\"}", Map.of());
        assertThat(checkedIn.statusCode()).as(checkedIn.body()).isEqualTo(201);
        enrolInANewStudyVisit(delegate);

        List<String> expected = Files.readAllLines(Path.of("../deploy/prometheus/exported-metrics.txt")).stream()
                .map(line -> line.replaceAll("#.*", "").strip())
                .filter(name -> !name.isEmpty())
                .toList();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            java.util.Set<String> exported = new java.util.TreeSet<>();
            for (PlatformService service : PlatformService.values()) {
                exported.addAll(metricsOf(service).names());
            }
            assertThat(exported).as("metric names the running processes export").containsAll(expected);
        });
    }

    @Test
    void theBeijing2013ProgrammeLoadsAndItsReleasedAgendaIsVisibleThroughTheGatewayAndAsICalendar()
            throws IOException {
        String programme = Files.readString(Path.of("../agenda-service/src/main/resources/programmes/beijing-2013.json"));

        HttpResponse<String> imported = post("/api/conferences/programme-imports", programme, Map.of());

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        String beijing = JsonPath.read(imported.body(), "$.conferenceId");
        HttpResponse<String> sessions = get("/api/conferences/" + beijing + "/sessions");
        assertThat(JsonPath.<List<String>>read(sessions.body(), "$[*].type")).hasSize(23).contains("MAYORS_FORUM");
        assertThat(sessions.headers().firstValue("ETag")).isPresent();
        HttpResponse<String> calendar = get("/api/conferences/" + beijing + "/agenda.ics");
        assertThat(calendar.statusCode()).isEqualTo(200);
        assertThat(calendar.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/calendar"));
        assertThat(calendar.body()).contains("BEGIN:VTIMEZONE", "TZID:Asia/Shanghai",
                "DTSTART;TZID=Asia/Shanghai:20131021T090000");
        assertThat(calendar.body().split("BEGIN:VEVENT", -1)).hasSize(24);
    }

    @Test
    void theBeijing2013PlenariesGetFullInterpreterTeamsFromTheSampleRoster() throws IOException {
        String programme = Files.readString(Path.of("../agenda-service/src/main/resources/programmes/beijing-2013.json"));
        String roster = Files.readString(
                Path.of("../interpretation-service/src/main/resources/sample/beijing-2013-interpreters.csv"));
        String beijing = JsonPath.read(post("/api/conferences/programme-imports", programme, Map.of()).body(),
                "$.conferenceId");

        HttpResponse<String> imported = send(HttpRequest.newBuilder(gateway("/api/interpreters/import"))
                .header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(roster, StandardCharsets.UTF_8)).build());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        // Plenary Hall has four booths: English and Chinese work both ways (teams of 3), French and Spanish (2).
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            String coverage = get("/api/conferences/" + beijing + "/interpretation/coverage").body();
            List<Map<String, Object>> plenaryBooths = JsonPath.read(coverage, "$.booths[?(@.room.name == 'Plenary Hall')]");
            assertThat(plenaryBooths).isNotEmpty().allSatisfy(booth -> {
                assertThat(booth.get("status")).as(booth.toString()).isIn("COVERED", "AT_RISK");
                assertThat((List<?>) booth.get("team")).as(booth.toString()).hasSize((Integer) booth.get("teamSize"));
            });
            assertThat(plenaryBooths).extracting(booth -> booth.get("boothLanguage"))
                    .contains("en", "zh", "fr", "es");
        });
    }

    @Test
    void approvalEmailCarriesTheBadgeTheRegistrationServiceIssued() throws Exception {
        String email = "approved-" + UUID.randomUUID() + "@cities.example";
        String registrationId = register(conferenceId, email, "en");

        approve(registrationId);

        await().atMost(Duration.ofSeconds(90)).until(() -> mailsTo(email).stream().anyMatch(mail -> badgeOf(mail) != null));
        List<byte[]> attachedBadges = mailsTo(email).stream().map(ThinFlowEndToEndIT::badgeOf)
                .filter(Objects::nonNull).toList();
        assertThat(attachedBadges).as("approval e-mails with a badge").hasSize(1);
        HttpResponse<byte[]> served = http.send(HttpRequest.newBuilder(gateway("/api/registrations/" + registrationId
                + "/badge")).header("Authorization", secretariat()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        String badgeToken = JsonPath.read(get("/api/registrations/" + registrationId + "/badge/token").body(), "$.token");
        assertThat(qrCodeIn(attachedBadges.getFirst())).isEqualTo(qrCodeIn(served.body())).isEqualTo(badgeToken);
    }

    @Test
    void inAppFeedStreamsThroughTheGatewayToTheSignedInDelegate() throws Exception {
        // The demo delegate registers themselves, so the registration is linked to their account.
        String delegate = tokens.bearerOf("delegate");
        String registrationId = register(createConference(), "feed-" + UUID.randomUUID() + "@cities.example", "fr",
                null, delegate);
        await().atMost(Duration.ofSeconds(60)).until(() -> send(HttpRequest.newBuilder(
                gateway("/api/notification-preferences/" + registrationId)).header("Authorization", delegate)
                .GET().build()).statusCode() != 403);
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
                        gateway("/api/notifications/stream?recipientId=" + registrationId))
                .header("Authorization", delegate)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
            CompletableFuture<String> approvalEvent = CompletableFuture.supplyAsync(() ->
                    firstNotificationData(lines.iterator(), "registration-approved"));

            approve(registrationId);

            String data = approvalEvent.get(30, TimeUnit.SECONDS);
            assertThat(JsonPath.<String>read(data, "$.recipientId")).isEqualTo(registrationId);
            assertThat(JsonPath.<String>read(data, "$.language")).isEqualTo("fr");
            assertThat(JsonPath.<String>read(data, "$.title")).isNotBlank();
        }
    }

    @Test
    void aFrontEndFollowsScheduleReleasesLiveThroughTheGatewayWithoutSigningIn() throws Exception {
        String conference = createConference();
        String room = JsonPath.read(post("/api/conferences/" + conference + "/rooms",
                "{\"name\": \"Plenary Hall\", \"capacity\": 600, \"booths\": 4}", Map.of()).body(), "$.id");
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
                        gateway("/api/conferences/" + conference + "/programme/changes"))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            CompletableFuture<String> release = CompletableFuture.supplyAsync(() ->
                    firstEventData(lines.iterator(), "schedule-released"));

            HttpResponse<String> drafted = post("/api/conferences/" + conference + "/sessions", """
                    {"type": "PLENARY", "title": {"en": "Opening plenary"}, "roomId": "%s",
                     "start": "2013-10-21T09:00", "end": "2013-10-21T10:30", "floorLanguages": ["zh"],
                     "interpretationLanguages": ["en"]}""".formatted(room), Map.of());
            assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
            assertThat(post("/api/conferences/" + conference + "/schedule/releases", "", Map.of()).statusCode())
                    .isEqualTo(201);

            String data = release.get(30, TimeUnit.SECONDS);
            assertThat(JsonPath.<Integer>read(data, "$.version")).isEqualTo(1);
            assertThat(JsonPath.<List<String>>read(data, "$.changes[*].kind")).containsExactly("SCHEDULED");
        }
    }

    @Test
    void partnerWebhookReceivesASignedEvent() throws Exception {
        BlockingQueue<ReceivedWebhook> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            try (exchange) {
                received.add(new ReceivedWebhook(exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        String subscriptionId = null;
        try {
            HttpResponse<String> subscribed = post("/api/webhook-subscriptions", """
                    {"url": "http://127.0.0.1:%d/hooks", "description": "end-to-end receiver",
                     "eventTypes": ["%s"]}""".formatted(receiver.getAddress().getPort(), REGISTERED_TYPE),
                    Map.of("Authorization", partner()));
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
            subscriptionId = JsonPath.read(subscribed.body(), "$.id");
            String secret = JsonPath.read(subscribed.body(), "$.secret");

            String registrationId = register(conferenceId, "partner-" + UUID.randomUUID() + "@cities.example", "es");

            ReceivedWebhook delivery = awaitWebhookAbout(received, registrationId);
            String body = new String(delivery.body(), StandardCharsets.UTF_8);
            assertThat(JsonPath.<String>read(body, "$.type")).isEqualTo(REGISTERED_TYPE);
            assertThat(JsonPath.<String>read(body, "$.data.conferenceId")).isEqualTo(conferenceId);
            String webhookId = delivery.headers().getFirst("webhook-id");
            String timestamp = delivery.headers().getFirst("webhook-timestamp");
            assertThat(webhookId).isEqualTo(JsonPath.read(body, "$.id"));
            assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(), within(300L));
            assertThat(delivery.headers().getFirst("webhook-signature").split(" "))
                    .contains(signature(secret, webhookId, timestamp, delivery.body()));
        } finally {
            if (subscriptionId != null) {
                send(HttpRequest.newBuilder(gateway("/api/webhook-subscriptions/" + subscriptionId))
                        .header("Authorization", partner()).DELETE().build());
            }
            receiver.stop(0);
        }
    }

    @Test
    void waitingListOfferGoesBySmsToo() throws IOException {
        String oneSeat = createConference(1);
        String seated = register(oneSeat, "seated-" + UUID.randomUUID() + "@cities.example", "en");
        String waitingEmail = "waiting-" + UUID.randomUUID() + "@cities.example";
        String phone = "+86138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String waiting = register(oneSeat, waitingEmail, "zh", phone);
        assertThat(JsonPath.<String>read(get("/api/registrations/" + waiting).body(), "$.status")).isEqualTo("WAITLISTED");
        // The acknowledgement shows notification-service has the delegate's contact, phone included: an offer
        // queued before the contact arrived would find no number to text.
        awaitSingleMailTo(waitingEmail);

        HttpResponse<String> withdrawn = post("/api/registrations/" + seated + "/withdrawal", "", Map.of());
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(90)).until(() -> !smsTo(phone).isEmpty());
        List<String> texts = smsTo(phone);
        assertThat(texts).hasSize(1);
        assertThat(JsonPath.<String>read(texts.getFirst(), "$.text")).isNotBlank();
        // The delivery log is written when the send commits, a moment after the sink answered.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String log = get("/api/notifications?recipientId=" + waiting).body();
            assertThat(JsonPath.<List<String>>read(log, "$[?(@.channel == 'SMS')].template"))
                    .containsExactly("waitlist-offer-made");
            assertThat(JsonPath.<List<String>>read(log, "$[?(@.channel == 'SMS')].status")).containsExactly("SENT");
            assertThat(JsonPath.<List<String>>read(log, "$[?(@.channel == 'SMS')].provider"))
                    .containsExactly("local-sms-sink");
        });
    }

    private String createConference() {
        return createConference(500);
    }

    private void enrolInANewStudyVisit(String registrationId) {
        String room = JsonPath.read(post("/api/conferences/" + conferenceId + "/rooms",
                "{\"name\": \"Bus " + UUID.randomUUID() + "\", \"capacity\": 40, \"booths\": 0}", Map.of()).body(),
                "$.id");
        HttpResponse<String> visit = post("/api/conferences/" + conferenceId + "/sessions", """
                {"type": "STUDY_VISIT", "title": {"en": "Study visit: Beijing Chaoyang"}, "roomId": "%s",
                 "start": "2013-10-23T14:00", "end": "2013-10-23T17:00", "floorLanguages": ["zh"],
                 "interpretationLanguages": [], "capacity": 30, "enrolmentRequired": true}""".formatted(room), Map.of());
        assertThat(visit.statusCode()).as(visit.body()).isEqualTo(201);
        String session = JsonPath.read(visit.body(), "$.id");
        assertThat(post("/api/conferences/" + conferenceId + "/schedule/releases", "", Map.of()).statusCode())
                .isEqualTo(201);
        // Agenda-service learns of the approval from registration-service's events.
        await().atMost(Duration.ofSeconds(60)).until(() -> post("/api/conferences/" + conferenceId + "/sessions/"
                + session + "/enrolments", "{\"registrationId\": \"" + registrationId + "\"}", Map.of())
                .statusCode() == 201);
    }

    /** A process's metrics as Prometheus scrapes them: the services on their port, the gateway on its management port. */
    private PrometheusScrape metricsOf(PlatformService service) {
        URI base = service == PlatformService.GATEWAY
                ? URI.create("http://localhost:" + platform.options().gatewayManagementPort())
                : platform.serviceUrl(service);
        return PrometheusScrape.of(http, base.resolve("/actuator/prometheus"));
    }

    private String createConference(int capacity) {
        ZoneId beijing = ZoneId.of("Asia/Shanghai");
        LocalDateTime now = LocalDateTime.now(beijing).withNano(0);
        String body = """
                {"title": "International Conference on Learning Cities", "city": "Beijing", "countryCode": "CN",
                 "venue": "Beijing International Hotel", "timeZone": "Asia/Shanghai",
                 "startDate": "2013-10-21", "endDate": "2013-10-23", "languages": ["en", "zh", "fr", "es"],
                 "registrationOpens": "%s", "registrationCloses": "%s", "capacity": %d}"""
                .formatted(now.minusDays(1), now.plusDays(30), capacity);
        HttpResponse<String> created = post("/api/conferences", body, Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.id");
    }

    /**
     * Registers through the gateway as an anonymous visitor (the conference needs no account), retrying with one
     * Idempotency-Key until the conference is known.
     */
    private String register(String conference, String email, String language) {
        return register(conference, email, language, null);
    }

    private String register(String conference, String email, String language, String phone) {
        return register(conference, email, language, phone, null);
    }

    /** @param bearer the registering account's token, or null to register anonymously */
    private String register(String conference, String email, String language, String phone, String bearer) {
        String body = """
                {"givenName": "Ana", "familyName": "Lopez", "email": "%s", "phone": %s, "category": "MAYOR",
                 "countryCode": "MX", "city": "Mexico City", "correspondenceLanguage": "%s",
                 "listeningLanguages": ["%s", "en"]}"""
                .formatted(email, phone == null ? "null" : '"' + phone + '"', language, language);
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Idempotency-Key", UUID.randomUUID().toString(),
                "Authorization", bearer == null ? ANONYMOUS : bearer));
        HttpResponse<String>[] response = new HttpResponse[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            response[0] = post("/api/conferences/" + conference + "/registrations", body, headers);
            return response[0].statusCode() != 404;
        });
        assertThat(response[0].statusCode()).as(response[0].body()).isEqualTo(201);
        return JsonPath.read(response[0].body(), "$.id");
    }

    private void approve(String registrationId) {
        HttpResponse<String> approved = post("/api/registrations/" + registrationId + "/approval", "", Map.of());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    }

    private String emailOf(String registrationId) {
        return JsonPath.read(get("/api/registrations/" + registrationId).body(), "$.email");
    }

    private MimeMessage awaitSingleMailTo(String email) {
        await().atMost(Duration.ofSeconds(90)).until(() -> !mailsTo(email).isEmpty());
        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        return mails.getFirst();
    }

    private List<MimeMessage> mailsTo(String email) {
        return List.of(platform.greenMail().getReceivedMessages()).stream()
                .filter(mail -> recipients(mail).contains(email))
                .toList();
    }

    private static List<String> recipients(MimeMessage mail) {
        try {
            return java.util.Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .map(address -> ((jakarta.mail.internet.InternetAddress) address).getAddress())
                    .toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The content of the mail's {@code badge.png} attachment, or null when it has none. */
    private static byte[] badgeOf(MimeMessage mail) {
        try {
            return attachment(mail, "badge.png");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(GreenMailUtil.getWholeMessage(mail), e);
        }
    }

    private static byte[] attachment(Part part, String fileName) throws MessagingException, IOException {
        if (fileName.equals(part.getFileName())) {
            return part.getInputStream().readAllBytes();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                byte[] found = attachment(multipart.getBodyPart(i), fileName);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String qrCodeIn(byte[] png) throws IOException, ReaderException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
    }

    /** The data of the first {@code notification} event with this template; blocks until it comes. */
    private static String firstEventData(Iterator<String> lines, String eventName) {
        String event = null;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                event = null;
            } else if (line.startsWith("event:")) {
                event = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:") && eventName.equals(event)) {
                return line.substring("data:".length()).strip();
            }
        }
        throw new AssertionError("The stream ended before a " + eventName + " event came");
    }

    private static String firstNotificationData(Iterator<String> lines, String template) {
        while (true) {
            String data = firstEventData(lines, "notification");
            if (template.equals(JsonPath.read(data, "$.template"))) {
                return data;
            }
        }
    }

    private static ReceivedWebhook awaitWebhookAbout(BlockingQueue<ReceivedWebhook> received, String registrationId)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            ReceivedWebhook delivery = received.poll(1, TimeUnit.SECONDS);
            if (delivery != null && registrationId.equals(
                    JsonPath.read(new String(delivery.body(), StandardCharsets.UTF_8), "$.data.registrationId"))) {
                return delivery;
            }
        }
        throw new AssertionError("No webhook delivery about " + registrationId);
    }

    /** Standard Webhooks: "v1," + base64 of HMAC-SHA256 over "id.timestamp.body", keyed by the secret after whsec_. */
    private static String signature(String secret, String id, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    /** The lines of the SMS sink's file texted to this number. */
    private List<String> smsTo(String phone) throws IOException {
        if (!Files.exists(platform.sentSms())) {
            return List.of();
        }
        return Files.readAllLines(platform.sentSms()).stream()
                .filter(line -> phone.equals(JsonPath.read(line, "$.to")))
                .toList();
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(GreenMailUtil.getWholeMessage(mail), e);
        }
    }

    private ConsumerRecord<byte[], byte[]> findDelegateEvent(String registrationId) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-probe-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DELEGATES_TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (registrationId.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No DelegateRegistered for " + registrationId);
    }

    /** Sends the very same record again (same key, value and CloudEvents id), as a redelivery would. */
    private RecordMetadata produceAgain(ConsumerRecord<byte[], byte[]> original) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(original.topic(), original.partition(),
                    original.key(), original.value());
            for (Header header : original.headers()) {
                copy.headers().add(header);
            }
            return producer.send(copy).get();
        }
    }

    /** Waits until the service's consumer group has committed past the record, i.e. has processed it. */
    private void awaitConsumed(String group, RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    private long queryLong(PlatformService service, String sql, String parameter) {
        try (Connection connection = DriverManager.getConnection(platform.jdbcUrl(service), "postgres", "postgres");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(gateway(path)).GET().build());
    }

    private HttpResponse<String> post(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request.build());
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private URI gateway(String path) {
        return platform.gatewayUrl().resolve(path);
    }

    /** The secretariat's import tooling: secretariat and interpretation coordinator, through client credentials. */
    private String secretariat() {
        return tokens.bearerOfClient("secretariat-tools", "secretariat-tools-secret");
    }

    private String partner() {
        return tokens.bearerOfClient("partner-demo", "partner-demo-secret");
    }

    /**
     * Sends with the secretariat's token unless the request names its own Authorization; {@link #ANONYMOUS} there
     * sends none.
     */
    private HttpResponse<String> send(HttpRequest request) {
        String authorization = request.headers().firstValue("Authorization").orElse(null);
        if (authorization == null || ANONYMOUS.equals(authorization)) {
            HttpRequest.Builder rebuilt = HttpRequest.newBuilder(request,
                    (name, value) -> !name.equalsIgnoreCase("Authorization"));
            if (authorization == null) {
                rebuilt.header("Authorization", secretariat());
            }
            request = rebuilt.build();
        }
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record ReceivedWebhook(Headers headers, byte[] body) {
    }
}
