package org.learningcities.agenda.programmeimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.learningcities.agenda.AgendaIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

class ProgrammeImportTest extends AgendaIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient http;

    @Test
    void loadsAndReleasesTheBeijing2013ProgrammeInOneCall() throws IOException {
        Map<String, Object> imported = http.post().uri("/api/conferences/programme-imports")
                .contentType(MediaType.APPLICATION_JSON).body(beijing2013())
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(imported).containsEntry("rooms", 9).containsEntry("sessions", 23).containsEntry("releasedVersion", 1);
        String conference = (String) imported.get("conferenceId");
        http.get().uri("/api/conferences/{id}/sessions", conference).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(23)
                .jsonPath("$[0].type").isEqualTo("OPENING_CEREMONY")
                .jsonPath("$[0].start.local").isEqualTo("2013-10-21T09:00:00")
                .jsonPath("$[0].start.utc").isEqualTo("2013-10-21T01:00:00Z");
        http.get().uri("/api/conferences/{id}/sessions?type=REGIONAL_FORUM", conference).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(5);
    }

    @Test
    void leavesNothingBehindWhenOneSessionConflicts() throws IOException {
        Map<String, Object> programme = beijing2013();
        String title = "Conflicting programme " + UUID.randomUUID();
        ((Map<String, Object>) programme.get("conference")).put("title", title);
        List<Map<String, Object>> sessions = sessions(programme);
        Map<String, Object> clash = new LinkedHashMap<>(sessions.get(2));
        clash.put("title", Map.of("en", "A second plenary at the same time in the same hall"));
        sessions.add(clash);

        http.post().uri("/api/conferences/programme-imports").contentType(MediaType.APPLICATION_JSON).body(programme)
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sessions[23].roomId");

        http.get().uri("/api/conferences").exchange().expectBody(String.class)
                .value(conferences -> assertThat(conferences).doesNotContain(title));
    }

    @Test
    void namesASessionWhoseRoomIsNotInTheProgramme() throws IOException {
        Map<String, Object> programme = beijing2013();
        sessions(programme).getFirst().put("room", "Great Hall of the People");

        http.post().uri("/api/conferences/programme-imports").contentType(MediaType.APPLICATION_JSON).body(programme)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sessions[0].room");
    }

    @Test
    void namesTheInvalidFieldsOfEverySession() throws IOException {
        Map<String, Object> programme = beijing2013();
        sessions(programme).get(3).remove("title");
        sessions(programme).get(5).put("start", "21 October 2013, 9 am");

        http.post().uri("/api/conferences/programme-imports").contentType(MediaType.APPLICATION_JSON).body(programme)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sessions[5].start");
        sessions(programme).get(5).put("start", "2013-10-21T15:30");
        http.post().uri("/api/conferences/programme-imports").contentType(MediaType.APPLICATION_JSON).body(programme)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sessions[3].title");
    }

    @Test
    void keepsTheImportedSessionsAsDraftsWhenAskedNotToRelease() throws IOException {
        Map<String, Object> programme = beijing2013();
        programme.put("release", false);

        Map<String, Object> imported = http.post().uri("/api/conferences/programme-imports")
                .contentType(MediaType.APPLICATION_JSON).body(programme)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(imported.get("releasedVersion")).isNull();
        http.get().uri("/api/conferences/{id}/sessions", imported.get("conferenceId")).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sessions(Map<String, Object> programme) {
        return (List<Map<String, Object>>) programme.get("sessions");
    }

    /** The shipped sample, as a mutable document. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> beijing2013() throws IOException {
        try (InputStream in = ProgrammeImportTest.class.getResourceAsStream("/programmes/beijing-2013.json")) {
            Map<String, Object> programme = JSON.readValue(in, LinkedHashMap.class);
            List<Map<String, Object>> sessions = new ArrayList<>();
            for (Object session : (List<Object>) programme.get("sessions")) {
                sessions.add(new LinkedHashMap<>((Map<String, Object>) session));
            }
            programme.put("sessions", sessions);
            programme.put("conference", new LinkedHashMap<>((Map<String, Object>) programme.get("conference")));
            return programme;
        }
    }
}
