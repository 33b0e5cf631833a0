package org.learningcities.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.Filter;
import org.assertj.core.api.AssertProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcities.contracts.registration.RegistrationAccountsLinked;
import org.learningcities.security.Role;
import org.learningcities.testsupport.TestEvents;
import org.learningcities.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.assertj.MvcTestResultAssert;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Who may read whose delivery log and preferences, with real tokens through the real filter chain. */
class AccessRulesTest extends NotificationServiceTest {

    private static final String PREFERENCES = "{\"email\": true, \"sms\": false, \"inApp\": true}";

    @Autowired
    private WebApplicationContext context;

    private final TestDelegate delegate = TestDelegate.named("Amina", "Diallo", "fr");
    private final TestDelegate otherDelegate = delegate.colleague("Kofi", "Mensah", "en");
    private final String focalPoint = "acct-focal-" + UUID.randomUUID();

    /** Both delegates registered themselves, and the first one's registration belongs to a delegation. */
    @BeforeEach
    void twoRegisteredDelegates() {
        TestEvents.publish(delegate.conference());
        for (TestDelegate registered : List.of(delegate, otherDelegate)) {
            TestEvents.publish(registered.contact());
            TestEvents.publish(registered.registered());
        }
        TestEvents.publish(delegate.accountsLinked(focalPoint));
        TestEvents.publish(otherDelegate.accountsLinked());
        await().until(() -> deliveryLog(delegate.registrationId()).size() == 2
                && deliveryLog(otherDelegate.registrationId()).size() == 2);
        await().untilAsserted(() -> assertThat(log(delegate.registrationId(), delegate.bearer())).hasStatusOk());
        await().untilAsserted(() -> assertThat(log(otherDelegate.registrationId(), otherDelegate.bearer()))
                .hasStatusOk());
    }

    @Test
    void delegateReadsOnlyTheirOwnDeliveryLog() {
        String mine = deliveryLog(delegate.registrationId()).getFirst().id();
        String theirs = deliveryLog(otherDelegate.registrationId()).getFirst().id();

        assertThat(log(delegate.registrationId(), delegate.bearer())).hasStatusOk().bodyJson()
                .hasPathSatisfying("$[*].recipientId", recipients -> assertThat(recipients).asList()
                        .hasSize(2).containsOnly(delegate.registrationId()));
        assertThat(one(mine, delegate.bearer())).hasStatusOk();

        assertForbidden(log(otherDelegate.registrationId(), delegate.bearer()));
        assertForbidden(one(theirs, delegate.bearer()));
        // An id that is no notification's tells a delegate nothing either.
        assertForbidden(one(UUID.randomUUID().toString(), delegate.bearer()));
        // Without a recipient a delegate is told what is missing, never shown everyone's log.
        assertThat(mvc.get().uri("/api/notifications").header(HttpHeaders.AUTHORIZATION, delegate.bearer()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .hasPathSatisfying("$.errors[0].field", field -> assertThat(field).isEqualTo("recipientId"));
    }

    @Test
    void focalPointReadsTheirDelegationsLogButNotItsFeedOrPreferences() {
        String focalPointBearer = TestTokens.bearer(focalPoint, Role.FOCAL_POINT);
        String mine = deliveryLog(delegate.registrationId()).getFirst().id();

        assertThat(log(delegate.registrationId(), focalPointBearer)).hasStatusOk();
        assertThat(one(mine, focalPointBearer)).hasStatusOk();
        assertForbidden(log(otherDelegate.registrationId(), focalPointBearer));
        assertForbidden(mvc.get().uri("/api/notifications/stream").param("recipientId", delegate.registrationId())
                .header(HttpHeaders.AUTHORIZATION, focalPointBearer));
        assertForbidden(mvc.get().uri("/api/notification-preferences/{id}", delegate.registrationId())
                .header(HttpHeaders.AUTHORIZATION, focalPointBearer));
        assertForbidden(putPreferences(delegate.registrationId(), focalPointBearer));
    }

    @Test
    void staffSeeDeliveryLogsAsTheMatrixSays() {
        String mine = deliveryLog(delegate.registrationId()).getFirst().id();
        for (Role staff : List.of(Role.SECRETARIAT, Role.OPERATIONS)) {
            String bearer = TestTokens.bearer("acct-" + staff, staff);
            assertThat(log(delegate.registrationId(), bearer)).hasStatusOk();
            assertThat(one(mine, bearer)).hasStatusOk();
        }
        for (Role other : List.of(Role.VISA_DESK, Role.INTERPRETATION_COORDINATOR, Role.PARTNER)) {
            String bearer = TestTokens.bearer("acct-" + other, other);
            assertForbidden(log(delegate.registrationId(), bearer));
            assertForbidden(one(mine, bearer));
        }
    }

    @Test
    void delegateChangesOnlyTheirOwnPreferences() {
        assertThat(putPreferences(delegate.registrationId(), delegate.bearer())).hasStatusOk();
        assertThat(mvc.get().uri("/api/notification-preferences/{id}", delegate.registrationId())
                .header(HttpHeaders.AUTHORIZATION, delegate.bearer()))
                .hasStatusOk().bodyJson()
                .hasPathSatisfying("$.sms", sms -> assertThat(sms).isEqualTo(false));

        assertForbidden(putPreferences(otherDelegate.registrationId(), delegate.bearer()));
        assertForbidden(mvc.get().uri("/api/notification-preferences/{id}", otherDelegate.registrationId())
                .header(HttpHeaders.AUTHORIZATION, delegate.bearer()));
        // The secretariat reads preferences but leaves changing them to the delegate.
        assertThat(mvc.get().uri("/api/notification-preferences/{id}", otherDelegate.registrationId()))
                .hasStatusOk();
        assertForbidden(putPreferences(otherDelegate.registrationId(), TestTokens.staffBearer()));
        assertThat(mvc.get().uri("/api/notification-preferences/{id}", otherDelegate.registrationId()))
                .hasStatusOk().bodyJson()
                .hasPathSatisfying("$.default", isDefault -> assertThat(isDefault).isEqualTo(true));
    }

    @Test
    void accountLinksFollowTheLatestEvent() {
        String newAccount = "acct-" + UUID.randomUUID();

        // The delegate moved to a delegation without a focal point and signed up again under a new account.
        TestEvents.publish(new RegistrationAccountsLinked(delegate.registrationId(), delegate.conferenceId(),
                List.of(newAccount)));

        await().untilAsserted(() -> assertThat(log(delegate.registrationId(),
                TestTokens.bearer(newAccount, Role.DELEGATE))).hasStatusOk());
        assertForbidden(log(delegate.registrationId(), delegate.bearer()));
        assertForbidden(log(delegate.registrationId(), TestTokens.bearer(focalPoint, Role.FOCAL_POINT)));

        // Nobody's account acts for a registration made on someone's behalf by the secretariat.
        TestEvents.publish(new RegistrationAccountsLinked(delegate.registrationId(), delegate.conferenceId(),
                List.of()));
        await().untilAsserted(() -> assertForbidden(log(delegate.registrationId(),
                TestTokens.bearer(newAccount, Role.DELEGATE))));
        assertThat(log(delegate.registrationId(), TestTokens.staffBearer())).hasStatusOk();
    }

    @Test
    void anonymousIsAskedToSignIn() {
        MockMvcTester anonymous = MockMvcTester.create(MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean("springSecurityFilterChain", Filter.class))
                .build());

        for (var request : List.of(
                anonymous.get().uri("/api/notifications").param("recipientId", delegate.registrationId()),
                anonymous.get().uri("/api/notification-preferences/{id}", delegate.registrationId()),
                anonymous.get().uri("/api/webhook-subscriptions"))) {
            MvcTestResult result = request.exchange();
            assertThat(result).headers().hasHeaderSatisfying(HttpHeaders.WWW_AUTHENTICATE, values ->
                    assertThat(values).singleElement().asString().startsWith("Bearer").doesNotContain("error="));
            assertThat(result)
                    .hasStatus(HttpStatus.UNAUTHORIZED)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson()
                    .hasPathSatisfying("$.status", status -> assertThat(status).isEqualTo(401))
                    .hasPathSatisfying("$.detail", detail -> assertThat(detail).asString()
                            .contains("Authorization: Bearer"));
        }
        // A token in the URL would end up in access logs and browser history: it is not looked at.
        assertThat(anonymous.get().uri("/api/notifications").param("recipientId", delegate.registrationId())
                .param("access_token", TestTokens.token(delegate.accountId(), Role.DELEGATE)))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        // Health stays open for the platform's probes.
        assertThat(anonymous.get().uri("/actuator/health/liveness")).hasStatusOk();
    }

    @Test
    void expiredTokensAndTokensSignedByAnotherKeyAreRejected() {
        for (String token : List.of(
                TestTokens.of(delegate.accountId(), Role.DELEGATE).expiredSince(Duration.ofMinutes(5)).encode(),
                TestTokens.of(delegate.accountId(), Role.DELEGATE).signedByUnknownKey().encode(),
                TestTokens.of(delegate.accountId(), Role.DELEGATE).forAudience("another-api").encode(),
                TestTokens.of(delegate.accountId(), Role.DELEGATE).issuedBy("https://impostor.example").encode())) {
            assertThat(log(delegate.registrationId(), "Bearer " + token))
                    .hasStatus(HttpStatus.UNAUTHORIZED)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .headers().hasHeaderSatisfying(HttpHeaders.WWW_AUTHENTICATE, values -> assertThat(values)
                            .singleElement().asString().startsWith("Bearer").contains("invalid_token"));
        }
    }

    private MvcTestResult log(String recipientId, String bearer) {
        return mvc.get().uri("/api/notifications").param("recipientId", recipientId)
                .header(HttpHeaders.AUTHORIZATION, bearer).exchange();
    }

    private MvcTestResult one(String notificationId, String bearer) {
        return mvc.get().uri("/api/notifications/{id}", notificationId)
                .header(HttpHeaders.AUTHORIZATION, bearer).exchange();
    }

    private MvcTestResult putPreferences(String recipientId, String bearer) {
        return mvc.put().uri("/api/notification-preferences/{id}", recipientId)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).content(PREFERENCES).exchange();
    }

    /** Authenticated, but not allowed: 403 as problem+json. */
    private static void assertForbidden(AssertProvider<MvcTestResultAssert> response) {
        assertThat(response)
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
