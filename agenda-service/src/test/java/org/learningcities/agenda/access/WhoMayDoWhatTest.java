package org.learningcities.agenda.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcities.agenda.AgendaIntegrationTest;
import org.learningcities.agenda.ProgrammeFixture;
import org.learningcities.agenda.ProgrammeFixture.ReleasedSession;
import org.learningcities.agenda.SchedulingFixture;
import org.learningcities.contracts.registration.RegistrationAccountsLinked;
import org.learningcities.security.Role;
import org.learningcities.testsupport.TestEvents;
import org.learningcities.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The agenda rows of docs/authorization-matrix.csv, called with real tokens over real HTTP. */
class WhoMayDoWhatTest extends AgendaIntegrationTest {

    private static final Duration KAFKA_PATIENCE = Duration.ofSeconds(60);
    private static final String DELEGATE_ACCOUNT = "acct-delegate";
    private static final String OTHER_DELEGATE_ACCOUNT = "acct-other-delegate";
    private static final String FOCAL_POINT_ACCOUNT = "acct-focal-point";

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcClient jdbc;

    ProgrammeFixture programme;
    String conferenceId;
    String forum;
    /** Registered by the delegate's own account into the focal point's delegation. */
    String delegatesRegistration;
    /** Registered by another delegate for themselves. */
    String otherRegistration;

    @BeforeEach
    void conferenceWithTwoDelegates() {
        programme = new ProgrammeFixture(http, jdbc);
        conferenceId = programme.conference("Asia/Shanghai");
        forum = programme.release(ReleasedSession.forum(conferenceId, "2013-10-22T06:00:00Z",
                "2013-10-22T08:00:00Z", 30));
        delegatesRegistration = programme.approvedDelegate(conferenceId);
        otherRegistration = programme.approvedDelegate(conferenceId);
        link(delegatesRegistration, DELEGATE_ACCOUNT, FOCAL_POINT_ACCOUNT);
        link(otherRegistration, OTHER_DELEGATE_ACCOUNT);
    }

    @Test
    void anonymousReadsTheReleasedProgramme() {
        RestTestClient anonymous = anonymous(http);

        anonymous.get().uri("/api/conferences/{c}/sessions", conferenceId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[*].id").isEqualTo(List.of(forum));
        anonymous.get().uri("/api/conferences/{c}", conferenceId).exchange().expectStatus().isOk();
        anonymous.get().uri("/api/conferences/{c}/agenda.ics", conferenceId).exchange().expectStatus().isOk();
        anonymous.get().uri("/api/conferences/{c}/schedule/releases", conferenceId).exchange()
                .expectStatus().isOk();
    }

    @Test
    void anonymousCannotDraftASession() {
        String room = new SchedulingFixture(http).room(conferenceId, "Hall B", 300, 4);

        anonymous(http).post().uri("/api/conferences/{c}/sessions", conferenceId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(SchedulingFixture.plenary("Opening ceremony", room, "2013-10-21T09:00", "2013-10-21T10:30"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"))
                .expectBody().jsonPath("$.status").isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from session_draft where conference_id = ?").param(conferenceId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anonymousCannotReadAPersonalAgenda() {
        anonymous(http).get().uri("/api/conferences/{c}/agendas/{r}", conferenceId, delegatesRegistration)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void delegateCannotCreateAConference() {
        as(http, TestTokens.bearer(DELEGATE_ACCOUNT, Role.DELEGATE)).post().uri("/api/conferences")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("title", "A conference of my own"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void coordinatorReadsTheDraftsButCannotReleaseThem() {
        RestTestClient coordinator = as(http, TestTokens.bearer("acct-coordinator", Role.INTERPRETATION_COORDINATOR));
        SchedulingFixture scheduling = new SchedulingFixture(http);
        String drafted = scheduling.beijing2013();
        String room = scheduling.room(drafted, "Hall B", 300, 4);
        String opening = scheduling.drafted(drafted,
                SchedulingFixture.plenary("Opening ceremony", room, "2013-10-21T09:00", "2013-10-21T10:30"));

        coordinator.get().uri("/api/conferences/{c}/sessions/drafts", drafted).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[*].id").isEqualTo(List.of(opening));
        coordinator.post().uri("/api/conferences/{c}/schedule/releases", drafted).exchange()
                .expectStatus().isForbidden();
        assertThat(jdbc.sql("select count(*) from schedule_release where conference_id = ?").param(drafted)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void delegateReadsOnlyTheirOwnPersonalAgenda() {
        RestTestClient delegate = as(http, TestTokens.bearer(DELEGATE_ACCOUNT, Role.DELEGATE));

        delegate.get().uri("/api/conferences/{c}/agendas/{r}", conferenceId, delegatesRegistration).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.registrationId").isEqualTo(delegatesRegistration);
        delegate.get().uri("/api/conferences/{c}/agendas/{r}.ics", conferenceId, delegatesRegistration).exchange()
                .expectStatus().isOk();
        delegate.get().uri("/api/conferences/{c}/agendas/{r}", conferenceId, otherRegistration).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        delegate.get().uri("/api/conferences/{c}/agendas/{r}.ics", conferenceId, otherRegistration).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void delegateCannotEnrolSomeoneElse() {
        RestTestClient delegate = as(http, TestTokens.bearer(DELEGATE_ACCOUNT, Role.DELEGATE));

        enrol(delegate, otherRegistration).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.registrationId").isEqualTo(otherRegistration);
        enrol(delegate, delegatesRegistration).expectStatus().isCreated();

        assertThat(jdbc.sql("select registration_id from enrolment where session_id = ?").param(forum)
                .query(String.class).list()).containsExactly(delegatesRegistration);
    }

    @Test
    void delegateCannotWithdrawSomeoneElsesEnrolment() {
        enrol(http, otherRegistration).expectStatus().isCreated();

        as(http, TestTokens.bearer(DELEGATE_ACCOUNT, Role.DELEGATE)).delete()
                .uri("/api/conferences/{c}/sessions/{s}/enrolments/{r}", conferenceId, forum, otherRegistration)
                .exchange()
                .expectStatus().isForbidden();
        as(http, TestTokens.bearer(DELEGATE_ACCOUNT, Role.DELEGATE)).get()
                .uri("/api/conferences/{c}/sessions/{s}/enrolments", conferenceId, forum).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/conferences/{c}/sessions/{s}/enrolments", conferenceId, forum).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.confirmed[*].registrationId").isEqualTo(List.of(otherRegistration));
    }

    @Test
    void focalPointManagesTheirDelegatesEnrolments() {
        RestTestClient focalPoint = as(http, TestTokens.bearer(FOCAL_POINT_ACCOUNT, Role.FOCAL_POINT));

        enrol(focalPoint, delegatesRegistration).expectStatus().isCreated();
        focalPoint.get().uri("/api/conferences/{c}/agendas/{r}", conferenceId, delegatesRegistration).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.sessions[*].sessionId").isEqualTo(List.of(forum));
        focalPoint.delete()
                .uri("/api/conferences/{c}/sessions/{s}/enrolments/{r}", conferenceId, forum, delegatesRegistration)
                .exchange()
                .expectStatus().isNoContent();
        enrol(focalPoint, otherRegistration).expectStatus().isForbidden();
    }

    @Test
    void secretariatActsForAnyDelegate() {
        RestTestClient secretariat = as(http, TestTokens.bearer("acct-secretariat", Role.SECRETARIAT));

        enrol(secretariat, otherRegistration).expectStatus().isCreated();
        secretariat.get().uri("/api/conferences/{c}/agendas/{r}", conferenceId, otherRegistration).exchange()
                .expectStatus().isOk();
    }

    @Test
    void expiredTokenIsRejectedEvenOnPublicReads() {
        String expired = TestTokens.of(DELEGATE_ACCOUNT, Role.DELEGATE).expiredSince(Duration.ofMinutes(5)).bearer();

        as(http, expired).get().uri("/api/conferences/{c}/sessions", conferenceId).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        as(http, expired).get().uri("/api/conferences").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void tokenSignedByAnotherKeyIsRejected() {
        String forged = TestTokens.of("test-staff", Role.SECRETARIAT).signedByUnknownKey().bearer();

        as(http, forged).get().uri("/api/conferences/{c}/sessions/{s}/enrolments", conferenceId, forum).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        as(http, forged).get().uri("/api/conferences").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        String elsewhere = TestTokens.of("test-staff", Role.SECRETARIAT).forAudience("another-api").bearer();

        as(http, elsewhere).get().uri("/api/conferences/{c}/sessions/{s}/enrolments", conferenceId, forum)
                .exchange()
                .expectStatus().isUnauthorized();
    }

    private RestTestClient.ResponseSpec enrol(RestTestClient client, String registrationId) {
        return client.post().uri("/api/conferences/{c}/sessions/{s}/enrolments", conferenceId, forum)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("registrationId", registrationId)).exchange();
    }

    private void link(String registrationId, String... accountIds) {
        TestEvents.publish(new RegistrationAccountsLinked(registrationId, conferenceId, List.of(accountIds)));
        await().atMost(KAFKA_PATIENCE).untilAsserted(() -> assertThat(jdbc.sql(
                        "select account_id from registration_account where registration_id = ?")
                .param(registrationId).query(String.class).list()).containsExactlyInAnyOrder(accountIds));
    }
}
