package org.learningcities.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learningcities.contracts.EventCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.core.type.TypeReference;

class WebhookSubscriptionApiTest extends WebhookTest {

    private static final String CHECKED_IN = EventCatalog.DELEGATE_CHECKED_IN.type();

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Autowired
    private JdbcClient jdbc;

    @Test
    void subscribesWithAGeneratedSecretShownOnlyInTheAnswer() {
        MvcTestResult created = postSubscription("""
                {"url": "%s", "eventTypes": ["%s", "%s"], "description": "Beijing city portal"}"""
                .formatted(receiver.url(), CHECKED_IN, EventCatalog.SESSION_RESCHEDULED.type()));

        assertThat(created).hasStatus(HttpStatus.CREATED);
        Map<String, Object> body = json.readValue(created.getResponse().getContentAsByteArray(), MAP);
        String id = (String) body.get("id");
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/webhook-subscriptions/" + id);
        assertThat(body).containsEntry("url", receiver.url())
                .containsEntry("eventTypes", List.of(CHECKED_IN, EventCatalog.SESSION_RESCHEDULED.type()))
                .containsEntry("description", "Beijing city portal")
                .containsEntry("status", "ACTIVE")
                .containsKey("createdAt");
        String secret = (String) body.get("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
        assertThat(postSubscription("""
                {"url": "%s", "eventTypes": ["%s"]}""".formatted(receiver.url(), CHECKED_IN)))
                .bodyJson().extractingPath("$.secret").asString().isNotEqualTo(secret);

        assertThat(mvc.get().uri("/api/webhook-subscriptions/{id}", id)).hasStatusOk().bodyJson()
                .doesNotHavePath("$.secret")
                .hasPathSatisfying("$.status", status -> assertThat(status).asString().isEqualTo("ACTIVE"));
        assertThat(mvc.get().uri("/api/webhook-subscriptions")).hasStatusOk().bodyJson()
                .doesNotHavePath("$[0].secret")
                .hasPathSatisfying("$[?(@.id == '" + id + "')].url",
                        url -> assertThat(url).asArray().containsExactly(receiver.url()));
    }

    @Test
    void keepsASecretThePartnerChose() {
        String secret = "whsec_" + Base64.getEncoder().encodeToString(new byte[48]);

        assertThat(postSubscription("""
                {"url": "%s", "eventTypes": ["%s"], "secret": "%s"}""".formatted(receiver.url(), CHECKED_IN, secret)))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson().extractingPath("$.secret").isEqualTo(secret);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_not base64!", "whsec_c2hvcnQ=",
            "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void refusesMalformedSecretsNamingTheField(String secret) {
        assertInvalid("""
                {"url": "%s", "eventTypes": ["%s"], "secret": "%s"}""".formatted(receiver.url(), CHECKED_IN, secret),
                "secret");
    }

    @Test
    void refusesUnknownEventTypesNamingTheField() {
        assertInvalid("""
                {"url": "%s", "eventTypes": ["%s", "org.learningcities.registration.delegate.teleported.v1", "%s"]}"""
                .formatted(receiver.url(), CHECKED_IN, EventCatalog.DELEGATE_CONTACT_CHANGED.type()),
                "eventTypes[1]", "eventTypes[2]");
        assertInvalid("""
                {"url": "%s", "eventTypes": []}""".formatted(receiver.url()), "eventTypes");
        assertInvalid("""
                {"url": "%s"}""".formatted(receiver.url()), "eventTypes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/hooks",
            "http://172.20.1.1/hooks", "http://192.168.1.10/hooks", "http://100.64.0.1/hooks",
            "http://127.0.0.2/hooks", "http://[::1]/hooks", "http://[fe80::1]/hooks",
            "http://[fd00::1]/hooks", "http://[::ffff:10.0.0.1]/hooks", "http://0.0.0.0/hooks", "http://[::]/hooks",
            "http://224.0.0.1/hooks"})
    void refusesUrlsThatPointAtPrivateNetworks(String url) {
        assertInvalid("""
                {"url": "%s", "eventTypes": ["%s"]}""".formatted(url, CHECKED_IN), "url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/hooks", "ftp://portal.example/hooks", "file:///etc/passwd",
            "https://partner:secret@portal.example/hooks", "https://", "not a url", ""})
    void refusesUrlsThatAreNotAbsoluteHttp(String url) {
        assertInvalid("""
                {"url": "%s", "eventTypes": ["%s"]}""".formatted(url, CHECKED_IN), "url");
    }

    @Test
    void namesEveryInvalidFieldAtOnce() {
        MvcTestResult result = postSubscription("""
                {"url": "http://10.0.0.7/", "eventTypes": ["unknown"], "secret": "whsec_c2hvcnQ="}""");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .hasPathSatisfying("$.errors[*].field",
                        fields -> assertThat(fields).asArray().containsExactlyInAnyOrder("url", "eventTypes[0]", "secret"));
    }

    @Test
    void unsubscribesWithDelete() {
        String id = (String) subscribe(receiver.url(), List.of(CHECKED_IN), null).get("id");

        assertThat(mvc.delete().uri("/api/webhook-subscriptions/{id}", id)).hasStatus(HttpStatus.NO_CONTENT);

        assertThat(mvc.get().uri("/api/webhook-subscriptions/{id}", id)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/webhook-subscriptions")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$[*].id", ids -> assertThat(ids).asArray().doesNotContain(id));
        assertThat(mvc.delete().uri("/api/webhook-subscriptions/{id}", id)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void answersNotFoundAsProblemForAnUnknownSubscription() {
        for (String unknown : List.of(UUID.randomUUID().toString(), "not-a-subscription-id")) {
            for (String path : List.of("/api/webhook-subscriptions/{id}", "/api/webhook-subscriptions/{id}/deliveries")) {
                assertThat(mvc.get().uri(path, unknown))
                        .hasStatus(HttpStatus.NOT_FOUND)
                        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .bodyJson()
                        .hasPathSatisfying("$.detail", detail -> assertThat(detail).asString().contains(unknown));
            }
        }
    }

    @Test
    void runsInADatabaseOfItsOwnSoThatOtherTestContextsNeverAttemptItsDeliveries() {
        assertThat(jdbc.sql("select current_database()").query(String.class).single())
                .isEqualTo("notification_webhooks_test");
    }

    @Test
    void documentsTheWebhookApiInOpenApi() {
        assertThat(mvc.get().uri("/v3/api-docs"))
                .hasStatusOk()
                .bodyJson()
                .hasPath("$.paths['/api/webhook-subscriptions'].post")
                .hasPath("$.paths['/api/webhook-subscriptions'].get")
                .hasPath("$.paths['/api/webhook-subscriptions/{id}'].delete")
                .hasPath("$.paths['/api/webhook-subscriptions/{id}/deliveries'].get");
    }

    private void assertInvalid(String body, String... fields) {
        assertThat(postSubscription(body))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .hasPathSatisfying("$.errors[*].field", actual -> assertThat(actual).asArray().containsExactly(
                        (Object[]) fields));
    }

}
