package org.learningcities.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Builds a programme through the organisers' API: conferences, rooms, draft sessions, releases. */
public final class SchedulingFixture {

    private final RestTestClient http;

    public SchedulingFixture(RestTestClient http) {
        this.http = http;
    }

    /** A conference at a venue in the given IANA zone, running startDate to endDate inclusive. */
    public String conference(String timeZone, String startDate, String endDate) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", "International Conference on Learning Cities");
        request.put("city", "Beijing");
        request.put("countryCode", "CN");
        request.put("venue", "China National Convention Center");
        request.put("timeZone", timeZone);
        request.put("startDate", startDate);
        request.put("endDate", endDate);
        request.put("languages", List.of("en", "zh", "fr", "es"));
        request.put("registrationOpens", startDate.substring(0, 4) + "-01-10T09:00");
        request.put("registrationCloses", startDate.substring(0, 4) + "-02-10T18:00");
        request.put("capacity", 500);
        return idOf(http.post().uri("/api/conferences").contentType(MediaType.APPLICATION_JSON).body(request)
                .exchange().expectStatus().isCreated());
    }

    /** Beijing 2013: 21–23 October, Asia/Shanghai. */
    public String beijing2013() {
        return conference("Asia/Shanghai", "2013-10-21", "2013-10-23");
    }

    public String room(String conferenceId, String name, int capacity, int booths) {
        return idOf(addRoom(conferenceId, Map.of("name", name, "capacity", capacity, "booths", booths))
                .expectStatus().isCreated());
    }

    public RestTestClient.ResponseSpec addRoom(String conferenceId, Map<String, Object> room) {
        return http.post().uri("/api/conferences/{id}/rooms", conferenceId)
                .contentType(MediaType.APPLICATION_JSON).body(room).exchange();
    }

    /** A plenary in English with interpretation into Chinese, no speakers; change it with {@link #with}. */
    public static Map<String, Object> plenary(String title, String roomId, String start, String end) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("type", "PLENARY");
        session.put("title", Map.of("en", title));
        session.put("roomId", roomId);
        session.put("start", start);
        session.put("end", end);
        session.put("floorLanguages", List.of("en"));
        session.put("interpretationLanguages", List.of("zh"));
        session.put("speakers", List.of());
        session.put("enrolmentRequired", false);
        return session;
    }

    public static Map<String, Object> with(Map<String, Object> request, Map<String, Object> changes) {
        Map<String, Object> changed = new LinkedHashMap<>(request);
        changed.putAll(changes);
        return changed;
    }

    public RestTestClient.ResponseSpec draft(String conferenceId, Map<String, Object> session) {
        return http.post().uri("/api/conferences/{id}/sessions", conferenceId)
                .contentType(MediaType.APPLICATION_JSON).body(session).exchange();
    }

    public String drafted(String conferenceId, Map<String, Object> session) {
        return idOf(draft(conferenceId, session).expectStatus().isCreated());
    }

    public RestTestClient.ResponseSpec change(String conferenceId, String sessionId, Map<String, Object> changes) {
        return http.patch().uri("/api/conferences/{id}/sessions/{sessionId}", conferenceId, sessionId)
                .contentType(MediaType.APPLICATION_JSON).body(changes).exchange();
    }

    public void changed(String conferenceId, String sessionId, Map<String, Object> changes) {
        change(conferenceId, sessionId, changes).expectStatus().isOk();
    }

    public RestTestClient.ResponseSpec release(String conferenceId) {
        return http.post().uri("/api/conferences/{id}/schedule/releases", conferenceId).exchange();
    }

    public void released(String conferenceId) {
        release(conferenceId).expectStatus().isCreated();
    }

    /** Asserts a 400 problem naming exactly this field. */
    public static void assertRejected(RestTestClient.ResponseSpec response, String field) {
        response.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(new ParameterizedTypeReference<List<String>>() {
                }, fields -> assertThat(fields).containsExactly(field));
    }

    private static String idOf(RestTestClient.ResponseSpec created) {
        return created.expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }
}
