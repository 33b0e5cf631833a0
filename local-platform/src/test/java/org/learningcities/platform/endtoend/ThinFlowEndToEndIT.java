package org.learningcities.platform.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
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
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.jayway.jsonpath.JsonPath;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.learningcities.platform.LocalPlatform;
import org.learningcities.platform.LocalPlatformOptions;
import org.learningcities.platform.PlatformService;

/**
 * The thin flow of the foundation, on the real platform: the four services and the gateway as their
 * own processes, one real Kafka broker process, one real PostgreSQL and a real SMTP server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThinFlowEndToEndIT {

    private static final String DELEGATES_TOPIC = "registration.delegates.v1";

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalPlatform platform;
    private String conferenceId;

    @BeforeAll
    void startPlatform() throws IOException {
        Path dataDirectory = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "e2e-");
        platform = LocalPlatform.start(LocalPlatformOptions.builder()
                .dataDirectory(dataDirectory)
                .fresh(true)
                .freePorts()
                .build());
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
        assertThat(JsonPath.<List<String>>read(log, "$[*].status")).containsExactly("SENT");
        assertThat(JsonPath.<List<String>>read(log, "$[*].language")).containsExactly("zh");
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
                    registrationId)).as("events waiting in the outbox").isEqualTo(2);
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

        ConsumerRecord<byte[], byte[]> original = findDelegateEvent(registrationId);
        RecordMetadata redelivered = produceAgain(original);
        awaitConsumed("notification-service", redelivered);

        assertThat(mailsTo(email)).hasSize(1);
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

    private String createConference() {
        ZoneId beijing = ZoneId.of("Asia/Shanghai");
        LocalDateTime now = LocalDateTime.now(beijing).withNano(0);
        String body = """
                {"title": "International Conference on Learning Cities", "city": "Beijing", "countryCode": "CN",
                 "venue": "Beijing International Hotel", "timeZone": "Asia/Shanghai",
                 "startDate": "2013-10-21", "endDate": "2013-10-23", "languages": ["en", "zh", "fr", "es"],
                 "registrationOpens": "%s", "registrationCloses": "%s", "capacity": 500}"""
                .formatted(now.minusDays(1), now.plusDays(30));
        HttpResponse<String> created = post("/api/conferences", body, Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.id");
    }

    /** Registers through the gateway, retrying with one Idempotency-Key until the conference is known. */
    private String register(String conference, String email, String language) {
        String body = """
                {"givenName": "Ana", "familyName": "Lopez", "email": "%s", "category": "MAYOR",
                 "countryCode": "MX", "city": "Mexico City", "correspondenceLanguage": "%s",
                 "listeningLanguages": ["%s", "en"]}""".formatted(email, language, language);
        Map<String, String> idempotency = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        HttpResponse<String>[] response = new HttpResponse[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            response[0] = post("/api/conferences/" + conference + "/registrations", body, idempotency);
            return response[0].statusCode() != 404;
        });
        assertThat(response[0].statusCode()).as(response[0].body()).isEqualTo(201);
        return JsonPath.read(response[0].body(), "$.id");
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
