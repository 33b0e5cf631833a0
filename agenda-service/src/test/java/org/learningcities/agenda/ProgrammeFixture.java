package org.learningcities.agenda;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.learningcities.contracts.registration.DelegateApproved;
import org.learningcities.contracts.registration.DelegateRegistered;
import org.learningcities.testsupport.TestEvents;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Sets the stage for enrolment and agenda tests: a conference created through the API, released
 * sessions written as a schedule release leaves them, and delegates announced by "registration-service".
 */
public final class ProgrammeFixture {

    private static final Duration KAFKA_PATIENCE = Duration.ofSeconds(60);

    private final RestTestClient http;
    private final JdbcClient jdbc;

    public ProgrammeFixture(RestTestClient http, JdbcClient jdbc) {
        this.http = http;
        this.jdbc = jdbc;
    }

    /** A conference on 21–23 October 2013 at a venue in the given IANA zone. */
    public String conference(String timeZone) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", "International Conference on Learning Cities");
        request.put("city", "Beijing");
        request.put("countryCode", "CN");
        request.put("venue", "China National Convention Center");
        request.put("timeZone", timeZone);
        request.put("startDate", "2013-10-21");
        request.put("endDate", "2013-10-23");
        request.put("languages", List.of("en", "zh", "fr", "es"));
        request.put("registrationOpens", "2013-06-01T09:00");
        request.put("registrationCloses", "2013-09-30T18:00");
        request.put("capacity", 500);
        return http.post().uri("/api/conferences").contentType(MediaType.APPLICATION_JSON).body(request).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    /** Writes the row a schedule release would write and returns the session's id. */
    public String release(ReleasedSession session) {
        String id = "session-" + UUID.randomUUID();
        jdbc.sql("""
                insert into released_session (session_id, conference_id, type, region, titles, room_id, room_name,
                    starts_at, ends_at, floor_languages, interpretation_languages, speakers, capacity,
                    enrolment_required, cancelled, schedule_version, sequence)
                values (:id, :conferenceId, :type, null, cast(:titles as jsonb), :roomId, :roomName,
                    :startsAt, :endsAt, :languages, :languages, :speakers, :capacity,
                    :enrolmentRequired, :cancelled, 1, :sequence)""")
                .param("id", id)
                .param("conferenceId", session.conferenceId())
                .param("type", session.type())
                .param("titles", session.titlesJson())
                .param("roomId", session.roomName() == null ? null : "room-" + UUID.randomUUID())
                .param("roomName", session.roomName())
                .param("startsAt", session.startsAt().atOffset(ZoneOffset.UTC))
                .param("endsAt", session.endsAt().atOffset(ZoneOffset.UTC))
                .param("languages", new String[] {"en", "zh"})
                .param("speakers", new String[0])
                .param("capacity", session.capacity())
                .param("enrolmentRequired", session.enrolmentRequired())
                .param("cancelled", session.cancelled())
                .param("sequence", session.sequence())
                .update();
        return id;
    }

    /** A delegate registration-service has approved, once agenda-service's replica knows of them. */
    public String approvedDelegate(String conferenceId, List<String> listeningLanguages) {
        String registrationId = "reg-" + UUID.randomUUID();
        TestEvents.publish(new DelegateApproved(registrationId, conferenceId, "MAYOR", listeningLanguages,
                Instant.parse("2013-08-01T08:00:00Z")));
        awaitStatus(registrationId, "APPROVED");
        return registrationId;
    }

    public String approvedDelegate(String conferenceId) {
        return approvedDelegate(conferenceId, List.of("en"));
    }

    /** A delegate who registered but is not approved yet. */
    public String pendingDelegate(String conferenceId) {
        String registrationId = "reg-" + UUID.randomUUID();
        TestEvents.publish(new DelegateRegistered(registrationId, conferenceId, "EXPERT", "FR",
                "EUROPE_AND_NORTH_AMERICA", "fr", List.of("fr"), null, "PENDING",
                Instant.parse("2013-07-01T08:00:00Z")));
        awaitStatus(registrationId, "PENDING");
        return registrationId;
    }

    private void awaitStatus(String registrationId, String status) {
        await().atMost(KAFKA_PATIENCE).until(() -> jdbc.sql("select status from delegate where registration_id = ?")
                .param(registrationId).query(String.class).optional().filter(status::equals).isPresent());
    }

    /** A released session; titles as JSON keyed by BCP 47 tag. */
    public record ReleasedSession(String conferenceId, String type, String titlesJson, String roomName,
                                  Instant startsAt, Instant endsAt, Integer capacity, boolean enrolmentRequired,
                                  boolean cancelled, int sequence) {

        /** A regional forum that requires enrolment. */
        public static ReleasedSession forum(String conferenceId, String start, String end, Integer capacity) {
            return new ReleasedSession(conferenceId, "REGIONAL_FORUM", "{\"en\": \"Regional forum\"}", "Room 301",
                    Instant.parse(start), Instant.parse(end), capacity, true, false, 1);
        }

        /** A plenary every delegate attends without enrolment. */
        public static ReleasedSession plenary(String conferenceId, String start, String end) {
            return new ReleasedSession(conferenceId, "PLENARY", "{\"en\": \"Plenary\"}", "Plenary Hall",
                    Instant.parse(start), Instant.parse(end), null, false, false, 1);
        }

        public ReleasedSession titled(String titlesJson) {
            return new ReleasedSession(conferenceId, type, titlesJson, roomName, startsAt, endsAt, capacity,
                    enrolmentRequired, cancelled, sequence);
        }

        public ReleasedSession cancelledOne() {
            return new ReleasedSession(conferenceId, type, titlesJson, roomName, startsAt, endsAt, capacity,
                    enrolmentRequired, true, sequence);
        }

        public ReleasedSession inSequence(int changedSequence) {
            return new ReleasedSession(conferenceId, type, titlesJson, roomName, startsAt, endsAt, capacity,
                    enrolmentRequired, cancelled, changedSequence);
        }
    }
}
