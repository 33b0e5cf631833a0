package org.learningcities.interpretation.roster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Requests to the roster API as a coordinator's front end sends them, over real HTTP. */
final class RosterHttp {

    private final RestTestClient http;

    RosterHttp(RestTestClient http) {
        this.http = http;
    }

    /** A valid Chinese-booth interpreter with retour into English, available for ICLC 2013, at a fresh address. */
    static Map<String, Object> interpreter() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("givenName", "Jing");
        request.put("familyName", "Chen");
        request.put("email", "jing.chen." + UUID.randomUUID() + "@roster-test.example.org");
        request.put("phone", "+8613800000108");
        request.put("correspondenceLanguage", "zh");
        request.put("languages", List.of(language("zh", "A"), language("en", "B"), language("fr", "C")));
        request.put("availability", List.of(range("2013-10-20", "2013-10-24")));
        return request;
    }

    static Map<String, Object> with(Map<String, Object> request, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(request);
        changed.put(field, value);
        return changed;
    }

    static Map<String, Object> language(String tag, String languageClass) {
        Map<String, Object> language = new LinkedHashMap<>();
        language.put("language", tag);
        language.put("class", languageClass);
        return language;
    }

    static Map<String, String> range(String from, String to) {
        return Map.of("from", from, "to", to);
    }

    EntityExchangeResult<Map> add(Map<String, Object> request) {
        return add(request, null);
    }

    EntityExchangeResult<Map> add(Map<String, Object> request, String idempotencyKey) {
        RestTestClient.RequestBodySpec post = http.post().uri("/api/interpreters").contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            post.header("Idempotency-Key", idempotencyKey);
        }
        return post.body(request).exchange().expectBody(Map.class).returnResult();
    }

    /** The id of a newly added interpreter. */
    String added(Map<String, Object> request) {
        EntityExchangeResult<Map> added = add(request);
        if (added.getStatus().value() != 201) {
            throw new AssertionError("Not added: " + added.getResponseBody());
        }
        return (String) added.getResponseBody().get("id");
    }

    EntityExchangeResult<Map> replace(String interpreterId, Map<String, Object> request) {
        return http.put().uri("/api/interpreters/{id}", interpreterId).contentType(MediaType.APPLICATION_JSON)
                .body(request).exchange().expectBody(Map.class).returnResult();
    }

    EntityExchangeResult<Map> read(String interpreterId) {
        return http.get().uri("/api/interpreters/{id}", interpreterId).exchange().expectBody(Map.class).returnResult();
    }

    List<Map<String, Object>> list(String language) {
        return http.get().uri(uri -> uri.path("/api/interpreters").queryParamIfPresent("language",
                        Optional.ofNullable(language)).build())
                .exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
    }

    EntityExchangeResult<Map> importCsv(String csv) {
        return http.post().uri("/api/interpreters/import").contentType(new MediaType("text", "csv"))
                .body(csv.getBytes(StandardCharsets.UTF_8)).exchange()
                .expectBody(Map.class).returnResult();
    }

    /** The fields a 400 problem names, in its order. */
    static List<String> fields(EntityExchangeResult<Map> problem) {
        List<String> fields = new ArrayList<>();
        for (Object error : (List<?>) problem.getResponseBody().get("errors")) {
            fields.add((String) ((Map<?, ?>) error).get("field"));
        }
        return fields;
    }
}
