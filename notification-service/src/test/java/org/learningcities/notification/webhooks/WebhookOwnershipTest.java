package org.learningcities.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.learningcities.contracts.EventCatalog;
import org.learningcities.security.Role;
import org.learningcities.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A subscription belongs to the partner client that created it; operations staff look after all of them. */
class WebhookOwnershipTest extends WebhookTest {

    private static final String OTHER_PARTNER = "partner-other";

    @Autowired
    private JdbcClient jdbc;

    @Test
    void partnerSeesOnlyItsOwnWebhookSubscriptions() {
        String mine = subscribeAs(PARTNER);
        String theirs = subscribeAs(OTHER_PARTNER);

        assertThat(mvc.get().uri("/api/webhook-subscriptions").header(HttpHeaders.AUTHORIZATION, partner(PARTNER)))
                .hasStatusOk().bodyJson()
                .hasPathSatisfying("$[*].id", ids -> assertThat(ids).asList().contains(mine).doesNotContain(theirs));
        assertThat(mvc.get().uri("/api/webhook-subscriptions/{id}", mine)
                .header(HttpHeaders.AUTHORIZATION, partner(PARTNER))).hasStatusOk();
        for (String path : List.of("/api/webhook-subscriptions/{id}", "/api/webhook-subscriptions/{id}/deliveries")) {
            assertThat(mvc.get().uri(path, theirs).header(HttpHeaders.AUTHORIZATION, partner(PARTNER)))
                    .hasStatus(HttpStatus.FORBIDDEN)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        // Whether an id exists is no secret worth a 403: an unknown one is simply not found.
        assertThat(mvc.get().uri("/api/webhook-subscriptions/{id}", UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, partner(PARTNER))).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void partnerCannotDeleteAnotherPartnersSubscription() {
        String theirs = subscribeAs(OTHER_PARTNER);

        assertThat(mvc.delete().uri("/api/webhook-subscriptions/{id}", theirs)
                .header(HttpHeaders.AUTHORIZATION, partner(PARTNER)))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/api/webhook-subscriptions/{id}", theirs)
                .header(HttpHeaders.AUTHORIZATION, partner(OTHER_PARTNER))).hasStatusOk();

        assertThat(mvc.delete().uri("/api/webhook-subscriptions/{id}", theirs)
                .header(HttpHeaders.AUTHORIZATION, partner(OTHER_PARTNER))).hasStatus(HttpStatus.NO_CONTENT);
    }

    @Test
    void operationsSeesEverySubscription() {
        String first = subscribeAs(PARTNER);
        String second = subscribeAs(OTHER_PARTNER);
        String fromBeforeOwners = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into webhook_subscription (id, url, event_types, secret, status)
                values (cast(? as uuid), 'https://partner.example/hooks', array['%s'], 'whsec_old', 'ACTIVE')"""
                        .formatted(EventCatalog.DELEGATE_CHECKED_IN.type()))
                .param(fromBeforeOwners)
                .update();
        String operations = TestTokens.bearer("acct-operations", Role.OPERATIONS);

        assertThat(mvc.get().uri("/api/webhook-subscriptions").header(HttpHeaders.AUTHORIZATION, operations))
                .hasStatusOk().bodyJson()
                .hasPathSatisfying("$[*].id", ids -> assertThat(ids).asList()
                        .contains(first, second, fromBeforeOwners));
        assertThat(mvc.get().uri("/api/webhook-subscriptions/{id}/deliveries", second)
                .header(HttpHeaders.AUTHORIZATION, operations)).hasStatusOk();
        // A subscription nobody owns is left to operations.
        assertThat(mvc.get().uri("/api/webhook-subscriptions/{id}", fromBeforeOwners)
                .header(HttpHeaders.AUTHORIZATION, partner(PARTNER))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.delete().uri("/api/webhook-subscriptions/{id}", fromBeforeOwners)
                .header(HttpHeaders.AUTHORIZATION, operations)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.delete().uri("/api/webhook-subscriptions/{id}", first)
                .header(HttpHeaders.AUTHORIZATION, operations)).hasStatus(HttpStatus.NO_CONTENT);
        // Operations staff look after subscriptions but do not create them: partners do, for themselves.
        assertThat(mvc.post().uri("/api/webhook-subscriptions").header(HttpHeaders.AUTHORIZATION, operations)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\": \"%s\", \"eventTypes\": [\"%s\"]}".formatted(receiver.url(),
                        EventCatalog.DELEGATE_CHECKED_IN.type())))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    private String subscribeAs(String partnerClient) {
        var created = postSubscription("{\"url\": \"%s\", \"eventTypes\": [\"%s\"]}".formatted(receiver.url(),
                EventCatalog.DELEGATE_CHECKED_IN.type()), partnerClient);
        assertThat(created).hasStatus(HttpStatus.CREATED);
        return json.readTree(created.getResponse().getContentAsByteArray()).get("id").asString();
    }

    private static String partner(String client) {
        return TestTokens.bearer(client, Role.PARTNER);
    }
}
