package org.learningcities.registration.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.learningcities.registration.RegistrationIntegrationTest;
import org.junit.jupiter.api.Test;
import org.learningcities.contracts.EventCatalog;
import org.learningcities.contracts.Topics;
import org.learningcities.contracts.agenda.ConferenceScheduled;
import org.learningcities.testsupport.RealKafka;
import org.learningcities.testsupport.TestEvents;
import org.learningcities.testsupport.TopicRecords;
import org.learningcities.testsupport.TopicRecords.Received;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

class BadgeAndCheckInApiTest extends RegistrationIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void issuesAnApprovedDelegateAPngQrCodeWhoseTokenChecksThemIn() throws Exception {
        String conference = openConference();
        String registration = approvedDelegate(conference);

        ResponseEntity<byte[]> badge = http.get().uri("/api/registrations/{id}/badge", registration)
                .retrieve().toEntity(byte[].class);

        assertThat(badge.getStatusCode().value()).isEqualTo(200);
        assertThat(badge.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        String scanned = decodeQr(badge.getBody());
        assertThat(scanned).isEqualTo(badgeToken(registration)).doesNotContain("Wang");
        assertThat(checkIn(conference, scanned).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void refusesABadgeUntilTheRegistrationIsApproved() {
        String conference = openConference();
        String pending = register(conference);

        ResponseEntity<Map> badge = http.get().uri("/api/registrations/{id}/badge", pending)
                .retrieve().toEntity(Map.class);

        assertThat(badge.getStatusCode().value()).isEqualTo(409);
        assertThat(badge.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(badge.getBody()).containsEntry("status", "PENDING");
    }

    @Test
    void checksInOnTheFirstScanAndAnnouncesIt() {
        String conference = openConference();
        String registration = approvedDelegate(conference);

        ResponseEntity<Map> first = checkIn(conference, badgeToken(registration));

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(first.getBody()).containsEntry("registrationId", registration).containsEntry("firstScan", true)
                .containsKey("checkedInAt");
        Received event = TopicRecords.await(Topics.REGISTRATION_DELEGATES, record -> registration.equals(record.key())
                && EventCatalog.DELEGATE_CHECKED_IN.type().equals(record.headers().get("ce_type")));
        assertThat(event.value()).contains("\"conferenceId\":\"" + conference + "\"");
    }

    @Test
    void recognisesASecondScanWithoutCountingItAgain() {
        String conference = openConference();
        String registration = approvedDelegate(conference);
        String token = badgeToken(registration);
        ResponseEntity<Map> first = checkIn(conference, token);

        ResponseEntity<Map> second = checkIn(conference, token);

        assertThat(second.getStatusCode().value()).isEqualTo(200);
        assertThat(second.getBody()).containsEntry("firstScan", false)
                .containsEntry("firstCheckedInAt", first.getBody().get("checkedInAt"));
        assertThat(checkedInEventsOf(registration)).isEqualTo(1);
    }

    @Test
    void countsConcurrentScansOfOneBadgeOnce() throws Exception {
        String conference = openConference();
        String registration = approvedDelegate(conference);
        String token = badgeToken(registration);
        List<Callable<Integer>> scans = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            scans.add(() -> checkIn(conference, token).getStatusCode().value());
        }

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService scanners = Executors.newFixedThreadPool(8)) {
            for (Future<Integer> scan : scanners.invokeAll(scans)) {
                statuses.add(scan.get());
            }
        }

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(7);
        assertThat(checkedInEventsOf(registration)).isEqualTo(1);
    }

    @Test
    void refusesATokenWithOneCharacterChanged() {
        String conference = openConference();
        String token = badgeToken(approvedDelegate(conference));
        int middle = token.indexOf('.') / 2;
        char changed = token.charAt(middle) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, middle) + changed + token.substring(middle + 1);

        assertRefused(checkIn(conference, tampered));
    }

    @Test
    void refusesARevokedBadgeAndIssuesTheNextSerialAfterwards() {
        String conference = openConference();
        String registration = approvedDelegate(conference);
        String revoked = badgeToken(registration);

        assertThat(http.post().uri("/api/registrations/{id}/badge/revocation", registration).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(204);
        String replacement = badgeToken(registration);

        assertThat(replacement).isNotEqualTo(revoked);
        assertRefused(checkIn(conference, revoked));
        assertThat(checkIn(conference, replacement).getStatusCode().value()).isEqualTo(201);
        assertThat(jdbc.sql("select max(serial) from badge where registration_id = ?").param(registration)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void refusesABadgeOfAnotherConference() {
        String beijing = openConference();
        String mexicoCity = openConference();
        String token = badgeToken(approvedDelegate(beijing));

        assertRefused(checkIn(mexicoCity, token));
    }

    @Test
    void refusesTheBadgeOfAWithdrawnDelegate() {
        String conference = openConference();
        String registration = approvedDelegate(conference);
        String token = badgeToken(registration);
        // The withdrawal endpoint is another part of the workflow; only its effect on the status matters here.
        jdbc.sql("update registration set status = 'WITHDRAWN' where registration_id = ?").param(registration).update();

        assertRefused(checkIn(conference, token));
    }

    @Test
    void refusesToRevokeABadgeThatWasNeverIssued() {
        String registration = approvedDelegate(openConference());

        ResponseEntity<Map> revocation = http.post().uri("/api/registrations/{id}/badge/revocation", registration)
                .retrieve().toEntity(Map.class);

        assertThat(revocation.getStatusCode().value()).isEqualTo(409);
        assertThat(revocation.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void answersABadgeRequestForAnUnknownRegistrationWithNotFound() {
        ResponseEntity<Map> badge = http.get().uri("/api/registrations/{id}/badge", UUID.randomUUID())
                .retrieve().toEntity(Map.class);

        assertThat(badge.getStatusCode().value()).isEqualTo(404);
        assertThat(badge.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void publishesTheBadgeTokenOnTheInternalTopicWhenApproved() throws Exception {
        String conference = openConference();
        String registration = approve(register(conference));

        // Issued in the approval's transaction, before anyone asked for the badge.
        assertThat(jdbc.sql("select serial from badge where registration_id = ? and revoked_at is null")
                .param(registration).query(Integer.class).single()).isEqualTo(1);
        Received issued = awaitBadgeIssued(registration, 1);
        Map<String, Object> event = json.readValue(issued.value(), Map.class);
        String token = (String) event.get("token");

        assertThat(issued.key()).isEqualTo(registration);
        assertThat(event).containsEntry("registrationId", registration).containsEntry("conferenceId", conference)
                .containsKeys("issuedAt");
        assertThat(issued.headers()).containsEntry("ce_subject", registration);
        ResponseEntity<byte[]> badge = http.get().uri("/api/registrations/{id}/badge", registration)
                .retrieve().toEntity(byte[].class);
        assertThat(decodeQr(badge.getBody())).isEqualTo(token);
        assertThat(checkIn(conference, token).getStatusCode().value()).isEqualTo(201);
        assertThat(badgeIssuedEventsOf(registration)).isEqualTo(1);
    }

    @Test
    void publishesANewBadgeAfterRevocation() {
        String conference = openConference();
        String registration = approve(register(conference));
        String revoked = tokenIn(awaitBadgeIssued(registration, 1));

        assertThat(http.post().uri("/api/registrations/{id}/badge/revocation", registration).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(204);
        String replacement = badgeToken(registration);
        // Asking again hands out the same badge and announces nothing new.
        assertThat(badgeToken(registration)).isEqualTo(replacement);

        Received reissued = awaitBadgeIssued(registration, 2);
        assertThat(tokenIn(reissued)).isEqualTo(replacement).isNotEqualTo(revoked);
        assertThat(badgeIssuedEventsOf(registration)).isEqualTo(2);
        assertRefused(checkIn(conference, revoked));
        assertThat(checkIn(conference, replacement).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void neverPublishesTheBadgeTokenOnThePublicTopic() {
        String conference = openConference();
        String registration = approve(register(conference));
        String token = tokenIn(awaitBadgeIssued(registration, 1));
        assertThat(checkIn(conference, token).getStatusCode().value()).isEqualTo(201);

        // Registered, approved and checked in: every public record of the delegate up to the last one.
        List<Received> published = new ArrayList<>();
        TopicRecords.await(Topics.REGISTRATION_DELEGATES, record -> {
            if (!registration.equals(record.key())) {
                return false;
            }
            published.add(record);
            return EventCatalog.DELEGATE_CHECKED_IN.type().equals(record.headers().get("ce_type"));
        });
        String signature = token.substring(token.indexOf('.') + 1);

        assertThat(published).extracting(record -> record.headers().get("ce_type")).contains(
                EventCatalog.DELEGATE_APPROVED.type(), EventCatalog.DELEGATE_CHECKED_IN.type());
        for (Received record : published) {
            assertThat(record.value()).doesNotContain(signature);
            assertThat(record.headers().values()).noneMatch(header -> header != null && header.contains(signature));
        }
        assertThat(jdbc.sql("select count(*) from messaging.outbox_event where payload like ? and topic <> ?")
                .params("%" + signature + "%", Topics.REGISTRATION_BADGES_INTERNAL)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void createsTheInternalBadgeTopicCompacted() throws Exception {
        awaitBadgeIssued(approve(register(openConference())), 1);

        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.REGISTRATION_BADGES_INTERNAL);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealKafka.bootstrapServers()))) {
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void answersScannerNoiseWithABadRequestNamingTheToken() {
        String conference = openConference();

        for (Object noise : new Object[] {"", "not a token", "a.b.c", 42}) {
            ResponseEntity<Map> response = http.post().uri("/api/conferences/{id}/check-ins", conference)
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("badgeToken", noise))
                    .retrieve().toEntity(Map.class);

            assertThat(response.getStatusCode().value()).as("%s", noise).isEqualTo(400);
            assertThat(fields(response)).as("%s", noise).containsOnly("badgeToken");
        }
    }

    private void assertRefused(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fields(response)).containsExactly("badgeToken");
    }

    private int checkedInEventsOf(String registration) {
        return jdbc.sql("select count(*) from messaging.outbox_event where message_key = ? and event_type = ?")
                .params(registration, EventCatalog.DELEGATE_CHECKED_IN.type())
                .query(Integer.class).single();
    }

    private String tokenIn(Received badgeIssued) {
        return (String) json.readValue(badgeIssued.value(), Map.class).get("token");
    }

    /**
     * The delegate's BadgeIssued record of this serial on the internal badge topic. Subscribes only once the
     * service sent it, so that the service's producer, not this probe's metadata request, creates the topic.
     */
    private Received awaitBadgeIssued(String registration, int serial) {
        await().until(() -> jdbc.sql("""
                        select count(*) from messaging.outbox_event
                        where message_key = ? and event_type = ? and published_at is not null""")
                .params(registration, EventCatalog.BADGE_ISSUED.type())
                .query(Integer.class).single() >= serial);
        return TopicRecords.await(Topics.REGISTRATION_BADGES_INTERNAL, record -> registration.equals(record.key())
                && EventCatalog.BADGE_ISSUED.type().equals(record.headers().get("ce_type"))
                && Integer.valueOf(serial).equals(json.readValue(record.value(), Map.class).get("serial")));
    }

    private int badgeIssuedEventsOf(String registration) {
        return jdbc.sql("select count(*) from messaging.outbox_event where message_key = ? and event_type = ?")
                .params(registration, EventCatalog.BADGE_ISSUED.type())
                .query(Integer.class).single();
    }

    /** Approved through the secretariat's endpoint, which issues the badge. */
    /** Approval has its own endpoint and tests; here only the APPROVED status a badge depends on matters. */
    private String approvedDelegate(String conference) {
        String registration = register(conference);
        jdbc.sql("update registration set status = 'APPROVED' where registration_id = ?").param(registration).update();
        return registration;
    }

    private String register(String conference) {
        Map<String, Object> delegate = Map.of("givenName", "Ling", "familyName", "Wang",
                "email", UUID.randomUUID() + "@beijing.example", "category", "MAYOR", "countryCode", "CN",
                "correspondenceLanguage", "zh", "listeningLanguages", List.of("zh", "en"));
        ResponseEntity<Map> created = http.post().uri("/api/conferences/{id}/registrations", conference)
                .contentType(MediaType.APPLICATION_JSON).body(delegate).retrieve().toEntity(Map.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return (String) created.getBody().get("id");
    }

    /** Plays agenda-service: announces an open conference and waits until this service knows it. */
    private String openConference() {
        String id = "iclc-" + UUID.randomUUID();
        TestEvents.publish(new ConferenceScheduled(id, "International Conference on Learning Cities", "Beijing", "CN",
                "Beijing International Hotel", "Asia/Shanghai", LocalDate.parse("2013-10-21"),
                LocalDate.parse("2013-10-23"), List.of("en", "zh", "fr", "es"),
                Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS), 500, false));
        return awaitKnownConference(id);
    }

    private static String decodeQr(byte[] png) throws Exception {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png)))));
        return new QRCodeReader().decode(bitmap).getText();
    }

    private static List<Object> fields(ResponseEntity<Map> problem) {
        return ((List<Map<String, Object>>) problem.getBody().get("errors")).stream()
                .map(error -> error.get("field")).toList();
    }
}
