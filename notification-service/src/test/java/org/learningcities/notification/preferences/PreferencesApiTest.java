package org.learningcities.notification.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.learningcities.notification.NotificationServiceTest;
import org.learningcities.security.Role;
import org.learningcities.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class PreferencesApiTest extends NotificationServiceTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void storesAndReturnsPreferences() {
        String recipientId = knownRecipient();

        assertThat(put(recipientId, """
                {"email": true, "sms": false, "inApp": true, "timeZone": "Europe/Paris"}"""))
                .hasStatusOk()
                .bodyJson()
                .hasPathSatisfying("$.sms", sms -> assertThat(sms).isEqualTo(false))
                .hasPathSatisfying("$.timeZone", zone -> assertThat(zone).isEqualTo("Europe/Paris"))
                .hasPathSatisfying("$.updatedAt", updatedAt -> assertThat(updatedAt).asString().isNotBlank());

        assertThat(mvc.get().uri("/api/notification-preferences/{id}", recipientId))
                .hasStatusOk()
                .bodyJson()
                .hasPathSatisfying("$.recipientId", id -> assertThat(id).isEqualTo(recipientId))
                .hasPathSatisfying("$.email", email -> assertThat(email).isEqualTo(true))
                .hasPathSatisfying("$.sms", sms -> assertThat(sms).isEqualTo(false))
                .hasPathSatisfying("$.inApp", inApp -> assertThat(inApp).isEqualTo(true))
                .hasPathSatisfying("$.timeZone", zone -> assertThat(zone).isEqualTo("Europe/Paris"))
                .hasPathSatisfying("$.default", isDefault -> assertThat(isDefault).isEqualTo(false));

        // A second PUT replaces everything, the time zone included.
        assertThat(put(recipientId, """
                {"email": false, "sms": true, "inApp": false}"""))
                .hasStatusOk()
                .bodyJson()
                .hasPathSatisfying("$.email", email -> assertThat(email).isEqualTo(false))
                .hasPathSatisfying("$.sms", sms -> assertThat(sms).isEqualTo(true))
                .hasPathSatisfying("$.timeZone", zone -> assertThat(zone).isNull());
    }

    @Test
    void answersDefaultsForAKnownRecipientWithoutPreferences() {
        String recipientId = knownRecipient();

        assertThat(mvc.get().uri("/api/notification-preferences/{id}", recipientId))
                .hasStatusOk()
                .bodyJson()
                .hasPathSatisfying("$.email", email -> assertThat(email).isEqualTo(true))
                .hasPathSatisfying("$.sms", sms -> assertThat(sms).isEqualTo(true))
                .hasPathSatisfying("$.inApp", inApp -> assertThat(inApp).isEqualTo(true))
                .hasPathSatisfying("$.timeZone", zone -> assertThat(zone).isNull())
                .hasPathSatisfying("$.default", isDefault -> assertThat(isDefault).isEqualTo(true));
    }

    @Test
    void refusesAnInvalidTimeZoneNamingTheField() {
        String recipientId = knownRecipient();

        for (String zone : new String[] {"Mars/Olympus_Mons", "+02:00", "Etc/GMT+8", "europe/paris"}) {
            assertThat(put(recipientId, """
                    {"email": true, "sms": true, "inApp": true, "timeZone": "%s"}""".formatted(zone)))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson()
                    .hasPathSatisfying("$.errors[*].field", fields -> assertThat(fields).asList()
                            .containsExactly("timeZone"));
        }
        assertThat(put(recipientId, """
                {"email": true, "sms": true, "inApp": true, "timeZone": "Asia/Shanghai"}""")).hasStatusOk();
    }

    @Test
    void refusesMissingChannelSwitchesNamingEachField() {
        String recipientId = knownRecipient();

        assertThat(put(recipientId, """
                {"timeZone": "Europe/Paris"}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .hasPathSatisfying("$.errors[*].field", fields -> assertThat(fields).asList()
                        .containsExactly("email", "inApp", "sms"));
        assertThat(mvc.get().uri("/api/notification-preferences/{id}", recipientId))
                .bodyJson()
                .hasPathSatisfying("$.default", isDefault -> assertThat(isDefault).isEqualTo(true));
    }

    @Test
    void refusesSwitchesThatAreNotBooleansAndUnknownFields() {
        String recipientId = knownRecipient();

        for (String notABoolean : new String[] {"\"yes\"", "1", "null"}) {
            assertThat(put(recipientId, """
                    {"email": %s, "sms": true, "inApp": true}""".formatted(notABoolean)))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson()
                    .hasPathSatisfying("$.errors[0].field", field -> assertThat(field).isEqualTo("email"));
        }
        assertThat(put(recipientId, """
                {"email": true, "sms": true, "inApp": true, "push": false}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .hasPathSatisfying("$.errors[0].field", field -> assertThat(field).isEqualTo("push"));
    }

    @Test
    void answers404ForAnUnknownRecipient() {
        String unknown = "reg-" + UUID.randomUUID();
        // The delegate's account is linked before their contact details arrived.
        linkAccount(unknown);

        assertThat(mvc.get().uri("/api/notification-preferences/{id}", unknown))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .hasPathSatisfying("$.detail", detail -> assertThat(detail).asString().contains(unknown));
        assertThat(put(unknown, """
                {"email": true, "sms": true, "inApp": true}"""))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void documentsThePreferencesApi() {
        assertThat(mvc.get().uri("/v3/api-docs"))
                .hasStatusOk()
                .bodyJson()
                .hasPath("$.paths['/api/notification-preferences/{recipientId}'].get")
                .hasPath("$.paths['/api/notification-preferences/{recipientId}'].put");
    }

    /** Changes preferences as the delegate: staff may read them but not change them. */
    private MvcTestResult put(String recipientId, String body) {
        return mvc.put().uri("/api/notification-preferences/{id}", recipientId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(accountOf(recipientId), Role.DELEGATE))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    /** A delegate whose contact details arrived, as the contact topic's consumer stores them, with their account. */
    private String knownRecipient() {
        String recipientId = "reg-" + UUID.randomUUID();
        jdbc.sql("""
                insert into recipient (recipient_id, kind, conference_id, given_name, family_name, email, phone,
                                       correspondence_language, changed_at)
                values (?, 'DELEGATE', 'iclc-2013', 'Amina', 'Diallo', ?, '+221770000000', 'fr', ?)""")
                .params(recipientId, recipientId + "@delegates.example", java.sql.Timestamp.from(Instant.now()))
                .update();
        linkAccount(recipientId);
        return recipientId;
    }

    /** The delegate registered themselves, as the account links' consumer stores it. */
    private void linkAccount(String recipientId) {
        jdbc.sql("insert into recipient_account (recipient_id, account_id) values (?, ?)")
                .params(recipientId, accountOf(recipientId))
                .update();
    }

    private static String accountOf(String recipientId) {
        return "acct-" + recipientId;
    }
}
