package org.learningcities.agenda.delegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.learningcities.agenda.AgendaIntegrationTest;
import org.learningcities.contracts.registration.DelegateApproved;
import org.learningcities.contracts.registration.DelegateRegistered;
import org.learningcities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class DelegateReplicaTest extends AgendaIntegrationTest {

    private static final Duration KAFKA_PATIENCE = Duration.ofSeconds(60);

    @Autowired
    JdbcClient jdbc;

    @Test
    void keepsACopyOfEachRegisteredDelegate() {
        DelegateRegistered delegate = delegate("PENDING", List.of("zh", "en"));

        TestEvents.publish(delegate);

        await().atMost(KAFKA_PATIENCE).untilAsserted(() -> assertThat(replicaOf(delegate.registrationId()))
                .contains(new ReplicatedDelegate(delegate.conferenceId(), "PENDING", List.of("zh", "en"),
                        delegate.registeredAt())));
    }

    @Test
    void appliesARedeliveredEventOnce() {
        DelegateRegistered delegate = delegate("PENDING", List.of("fr"));
        String eventId = UUID.randomUUID().toString();
        // A later event about the same delegate travels the same partition, so once it is applied the
        // redelivery before it has been consumed too.
        DelegateRegistered later = new DelegateRegistered(delegate.registrationId(), delegate.conferenceId(),
                delegate.category(), delegate.countryCode(), delegate.region(), delegate.correspondenceLanguage(),
                List.of("fr", "en"), null, "WAITLISTED", delegate.registeredAt());

        TestEvents.publish(delegate, eventId);
        TestEvents.publish(delegate, eventId);
        TestEvents.publish(later);

        await().atMost(KAFKA_PATIENCE).untilAsserted(() -> assertThat(replicaOf(delegate.registrationId()))
                .map(ReplicatedDelegate::status).contains("WAITLISTED"));
        assertThat(jdbc.sql("select count(*) from delegate where registration_id = ?")
                .param(delegate.registrationId()).query(Integer.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from messaging.inbox_event where consumer = ? and event_id = ?")
                .params("agenda-service.delegates", eventId).query(Integer.class).single()).isOne();
    }

    @Test
    void marksADelegateApprovedWhenRegistrationServiceApprovesThem() {
        DelegateRegistered delegate = delegate("PENDING", List.of("zh"));
        TestEvents.publish(delegate);
        TestEvents.publish(approval(delegate.registrationId(), List.of("zh", "en")));

        await().atMost(KAFKA_PATIENCE).untilAsserted(() -> assertThat(replicaOf(delegate.registrationId()))
                .contains(new ReplicatedDelegate(delegate.conferenceId(), "APPROVED", List.of("zh", "en"),
                        delegate.registeredAt())));
    }

    @Test
    void keepsAnApprovalThatArrivedBeforeTheRegistration() {
        DelegateRegistered delegate = delegate("PENDING", List.of("es"));
        TestEvents.publish(approval(delegate.registrationId(), List.of("es")));
        await().atMost(KAFKA_PATIENCE).untilAsserted(() -> assertThat(replicaOf(delegate.registrationId()))
                .map(ReplicatedDelegate::status).contains("APPROVED"));

        TestEvents.publish(delegate);

        await().atMost(KAFKA_PATIENCE).untilAsserted(() -> assertThat(replicaOf(delegate.registrationId()))
                .contains(new ReplicatedDelegate(delegate.conferenceId(), "APPROVED", List.of("es"),
                        delegate.registeredAt())));
    }

    private static DelegateApproved approval(String registrationId, List<String> listeningLanguages) {
        return new DelegateApproved(registrationId, "beijing-2013", "MAYOR", listeningLanguages,
                Instant.parse("2013-08-01T08:00:00Z"));
    }

    private static DelegateRegistered delegate(String status, List<String> listeningLanguages) {
        return new DelegateRegistered("reg-" + UUID.randomUUID(), "beijing-2013", "MAYOR", "CN",
                "ASIA_AND_THE_PACIFIC", "zh", listeningLanguages, null, status, Instant.parse("2013-07-01T08:00:00Z"));
    }

    private Optional<ReplicatedDelegate> replicaOf(String registrationId) {
        return jdbc.sql("""
                select conference_id, status, listening_languages, registered_at
                from delegate where registration_id = ?""")
                .param(registrationId)
                .query(DelegateReplicaTest::replicatedDelegate)
                .optional();
    }

    private static ReplicatedDelegate replicatedDelegate(ResultSet row, int rowNumber) throws SQLException {
        return new ReplicatedDelegate(row.getString("conference_id"), row.getString("status"),
                List.of((String[]) row.getArray("listening_languages").getArray()),
                Optional.ofNullable(row.getObject("registered_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant).orElse(null));
    }

    private record ReplicatedDelegate(String conferenceId, String status, List<String> listeningLanguages,
                                      Instant registeredAt) {
    }
}
