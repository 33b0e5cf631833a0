package org.learningcities.agenda.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcities.agenda.AgendaIntegrationTest;
import org.learningcities.agenda.ProgrammeFixture;
import org.learningcities.contracts.registration.RegistrationAccountsLinked;
import org.learningcities.security.Role;
import org.learningcities.testsupport.TestEvents;
import org.learningcities.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

class AccountLinksTest extends AgendaIntegrationTest {

    private static final Duration KAFKA_PATIENCE = Duration.ofSeconds(60);

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcClient jdbc;

    String conferenceId;
    String registrationId;

    @BeforeEach
    void approvedDelegate() {
        ProgrammeFixture programme = new ProgrammeFixture(http, jdbc);
        conferenceId = programme.conference("Asia/Shanghai");
        registrationId = programme.approvedDelegate(conferenceId);
    }

    @Test
    void linkedDelegateReadsTheAgendaAndAnUnlinkedOneIsForbidden() {
        link(List.of("acct-linked"));

        agendaAs("acct-linked").expectStatus().isOk()
                .expectBody().jsonPath("$.registrationId").isEqualTo(registrationId);
        agendaAs("acct-stranger").expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void relinkingARegistrationRemovesTheAccountsLinkedBefore() {
        link(List.of("acct-first", "acct-focal-point"));
        agendaAs("acct-first").expectStatus().isOk();

        link(List.of("acct-focal-point"));

        agendaAs("acct-first").expectStatus().isForbidden();
        agendaAs("acct-focal-point").expectStatus().isOk();
    }

    @Test
    void registrationLinkedToNobodyIsTheSecretariatsAlone() {
        link(List.of("acct-before"));

        link(List.of());

        agendaAs("acct-before").expectStatus().isForbidden();
        http.get().uri("/api/conferences/{c}/agendas/{r}", conferenceId, registrationId).exchange()
                .expectStatus().isOk();
    }

    /** Publishes the link as registration-service does and waits until agenda-service holds exactly it. */
    private void link(List<String> accountIds) {
        TestEvents.publish(new RegistrationAccountsLinked(registrationId, conferenceId, accountIds));
        await().atMost(KAFKA_PATIENCE).untilAsserted(() -> assertThat(jdbc.sql(
                        "select account_id from registration_account where registration_id = ?")
                .param(registrationId).query(String.class).list()).containsExactlyInAnyOrderElementsOf(accountIds));
    }

    private RestTestClient.ResponseSpec agendaAs(String accountId) {
        return as(http, TestTokens.bearer(accountId, Role.DELEGATE))
                .get().uri("/api/conferences/{c}/agendas/{r}", conferenceId, registrationId).exchange();
    }
}
