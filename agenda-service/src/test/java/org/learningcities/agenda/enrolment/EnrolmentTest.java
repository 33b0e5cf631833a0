package org.learningcities.agenda.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcities.agenda.AgendaIntegrationTest;
import org.learningcities.agenda.ProgrammeFixture;
import org.learningcities.agenda.ProgrammeFixture.ReleasedSession;
import org.learningcities.contracts.EventCatalog;
import org.learningcities.contracts.Topics;
import org.learningcities.contracts.agenda.EnrolmentCancelled;
import org.learningcities.contracts.agenda.EnrolmentConfirmed;
import org.learningcities.contracts.agenda.EnrolmentPromoted;
import org.learningcities.contracts.agenda.EnrolmentWaitlisted;
import org.learningcities.testsupport.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

class EnrolmentTest extends AgendaIntegrationTest {

    private static final String FORUM_START = "2013-10-22T06:00:00Z";
    private static final String FORUM_END = "2013-10-22T08:00:00Z";

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    ProgrammeFixture programme;
    String conferenceId;

    @BeforeEach
    void conference() {
        programme = new ProgrammeFixture(http, jdbc);
        conferenceId = programme.conference("Asia/Shanghai");
    }

    @Test
    void confirmsAnApprovedDelegatesSeatAndAnnouncesIt() {
        String forum = programme.release(ReleasedSession.forum(conferenceId, FORUM_START, FORUM_END, 30));
        String delegate = programme.approvedDelegate(conferenceId);

        enrol(forum, delegate).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.status").isEqualTo("CONFIRMED")
                .jsonPath("$.position").doesNotExist();

        TopicRecords.Received record = TopicRecords.await(Topics.AGENDA_ENROLMENTS,
                received -> forum.equals(received.key())
                        && EventCatalog.ENROLMENT_CONFIRMED.type().equals(received.headers().get("ce_type")));
        EnrolmentConfirmed confirmed = json.readValue(record.value(), EnrolmentConfirmed.class);
        assertThat(confirmed.registrationId()).isEqualTo(delegate);
        assertThat(confirmed.conferenceId()).isEqualTo(conferenceId);
    }

    @Test
    void refusesADelegateWhoseRegistrationIsNotApproved() {
        String forum = programme.release(ReleasedSession.forum(conferenceId, FORUM_START, FORUM_END, 30));
        String pending = programme.pendingDelegate(conferenceId);

        enrol(forum, pending).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Delegate not approved")
                .jsonPath("$.registrationId").isEqualTo(pending);
        assertThat(enrolments(forum).confirmed()).isEmpty();
    }

    @Test
    void refusesADelegateApprovedForAnotherConference() {
        String forum = programme.release(ReleasedSession.forum(conferenceId, FORUM_START, FORUM_END, 30));
        String elsewhere = programme.approvedDelegate(programme.conference("America/Bogota"));

        enrol(forum, elsewhere).expectStatus().isEqualTo(422);
    }

    @Test
    void waitlistsDelegatesInArrivalOrderOnceTheSessionIsFull() {
        String forum = programme.release(ReleasedSession.forum(conferenceId, FORUM_START, FORUM_END, 1));
        String first = programme.approvedDelegate(conferenceId);
        String second = programme.approvedDelegate(conferenceId);
        String third = programme.approvedDelegate(conferenceId);

        enrol(forum, first).expectStatus().isCreated();
        enrol(forum, second).expectStatus().isAccepted()
                .expectBody().jsonPath("$.status").isEqualTo("WAITLISTED").jsonPath("$.position").isEqualTo(1);
        enrol(forum, third).expectStatus().isAccepted()
                .expectBody().jsonPath("$.status").isEqualTo("WAITLISTED").jsonPath("$.position").isEqualTo(2);

        TopicRecords.Received record = TopicRecords.await(Topics.AGENDA_ENROLMENTS,
                received -> forum.equals(received.key()) && received.value().contains(third));
        assertThat(json.readValue(record.value(), EnrolmentWaitlisted.class).position()).isEqualTo(2);
    }

    @Test
    void promotesTheFirstWaitingDelegateWhenAConfirmedOneLeaves() {
        String forum = programme.release(ReleasedSession.forum(conferenceId, FORUM_START, FORUM_END, 1));
        String leaving = programme.approvedDelegate(conferenceId);
        String firstInLine = programme.approvedDelegate(conferenceId);
        String secondInLine = programme.approvedDelegate(conferenceId);
        enrol(forum, leaving).expectStatus().isCreated();
        enrol(forum, firstInLine).expectStatus().isAccepted();
        enrol(forum, secondInLine).expectStatus().isAccepted();

        leave(forum, leaving).expectStatus().isNoContent();

        SessionEnrolments after = enrolments(forum);
        assertThat(after.confirmed()).extracting(Enrolment::registrationId).containsExactly(firstInLine);
        assertThat(after.waitingList()).extracting(Enrolment::registrationId, Enrolment::position)
                .containsExactly(tuple(secondInLine, 1));
        TopicRecords.Received cancelled = TopicRecords.await(Topics.AGENDA_ENROLMENTS, received ->
                EventCatalog.ENROLMENT_CANCELLED.type().equals(received.headers().get("ce_type"))
                        && received.value().contains(leaving));
        assertThat(json.readValue(cancelled.value(), EnrolmentCancelled.class).sessionId()).isEqualTo(forum);
        TopicRecords.Received promoted = TopicRecords.await(Topics.AGENDA_ENROLMENTS, received ->
                EventCatalog.ENROLMENT_PROMOTED.type().equals(received.headers().get("ce_type"))
                        && forum.equals(received.key()));
        assertThat(json.readValue(promoted.value(), EnrolmentPromoted.class).registrationId()).isEqualTo(firstInLine);
    }

    @Test
    void movesTheWaitingListUpWhenAWaitingDelegateLeaves() {
        String forum = programme.release(ReleasedSession.forum(conferenceId, FORUM_START, FORUM_END, 1));
        String seated = programme.approvedDelegate(conferenceId);
        String leaving = programme.approvedDelegate(conferenceId);
        String behind = programme.approvedDelegate(conferenceId);
        enrol(forum, seated).expectStatus().isCreated();
        enrol(forum, leaving).expectStatus().isAccepted();
        enrol(forum, behind).expectStatus().isAccepted();

        leave(forum, leaving).expectStatus().isNoContent();

        SessionEnrolments after = enrolments(forum);
        assertThat(after.confirmed()).extracting(Enrolment::registrationId).containsExactly(seated);
        assertThat(after.waitingList()).extracting(Enrolment::registrationId, Enrolment::position)
                .containsExactly(tuple(behind, 1));
    }

    @Test
    void givesSeatsAddedByALaterReleaseToThoseAlreadyWaitingBeforeANewcomer() {
        String forum = programme.release(ReleasedSession.forum(conferenceId, FORUM_START, FORUM_END, 1));
        String seated = programme.approvedDelegate(conferenceId);
        String waiting = programme.approvedDelegate(conferenceId);
        String newcomer = programme.approvedDelegate(conferenceId);
        enrol(forum, seated).expectStatus().isCreated();
        enrol(forum, waiting).expectStatus().isAccepted();
        // What a release moving the forum into a larger room leaves behind.
        jdbc.sql("update released_session set capacity = 2 where session_id = ?").param(forum).update();

        enrol(forum, newcomer).expectStatus().isAccepted().expectBody().jsonPath("$.position").isEqualTo(1);

        assertThat(enrolments(forum).confirmed()).extracting(Enrolment::registrationId)
                .containsExactly(seated, waiting);
    }

    @Test
    void refusesAnEnrolmentThatOverlapsAnotherOfTheDelegatesSessions() {
        String morningForum = programme.release(ReleasedSession.forum(conferenceId, FORUM_START, FORUM_END, 30));
        String overlapping = programme.release(ReleasedSession.forum(conferenceId,
                "2013-10-22T07:30:00Z", "2013-10-22T09:00:00Z", 30));
        String delegate = programme.approvedDelegate(conferenceId);
        enrol(morningForum, delegate).expectStatus().isCreated();

        enrol(overlapping, delegate).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.conflictingSessionId").isEqualTo(morningForum);
    }

    @Test
    void allowsBackToBackSessions() {
        String morningForum = programme.release(ReleasedSession.forum(conferenceId, FORUM_START, FORUM_END, 30));
        String next = programme.release(ReleasedSession.forum(conferenceId, FORUM_END, "2013-10-22T09:00:00Z", 30));
        String delegate = programme.approvedDelegate(conferenceId);
        enrol(morningForum, delegate).expectStatus().isCreated();

        enrol(next, delegate).expectStatus().isCreated();
    }

    @Test
    void answersARepeatedEnrolmentWithTheExistingOneAndCreatesNoDuplicate() {
        String forum = programme.release(ReleasedSession.forum(conferenceId, FORUM_START, FORUM_END, 1));
        String seated = programme.approvedDelegate(conferenceId);
        String waiting = programme.approvedDelegate(conferenceId);
        enrol(forum, seated).expectStatus().isCreated();
        enrol(forum, waiting).expectStatus().isAccepted();

        enrol(forum, seated).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CONFIRMED");
        enrol(forum, waiting).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("WAITLISTED").jsonPath("$.position").isEqualTo(1);

        SessionEnrolments enrolments = enrolments(forum);
        assertThat(enrolments.confirmed()).hasSize(1);
        assertThat(enrolments.waitingList()).hasSize(1);
    }

    @Test
    void givesTheLastSeatToExactlyOneOfManyDelegatesEnrollingAtOnce() throws Exception {
        String forum = programme.release(ReleasedSession.forum(conferenceId, FORUM_START, FORUM_END, 1));
        List<String> delegates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            delegates.add(programme.approvedDelegate(conferenceId));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> requests = delegates.stream().<Callable<Integer>>map(delegate -> () -> {
            start.await();
            return enrol(forum, delegate).expectBody().returnResult().getStatus().value();
        }).toList();

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(requests.size())) {
            List<Future<Integer>> responses = requests.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Integer> response : responses) {
                statuses.add(response.get());
            }
        }

        assertThat(statuses).containsOnly(201, 202).filteredOn(status -> status == 201).hasSize(1);
        SessionEnrolments enrolments = enrolments(forum);
        assertThat(enrolments.confirmed()).hasSize(1);
        assertThat(enrolments.waitingList()).extracting(Enrolment::position)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void refusesEnrolmentInASessionOpenToEveryDelegate() {
        String plenary = programme.release(ReleasedSession.plenary(conferenceId, FORUM_START, FORUM_END));
        String delegate = programme.approvedDelegate(conferenceId);

        enrol(plenary, delegate).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.title").isEqualTo("Enrolment not required");
    }

    @Test
    void refusesEnrolmentInACancelledSession() {
        String cancelled = programme.release(
                ReleasedSession.forum(conferenceId, FORUM_START, FORUM_END, 30).cancelledOne());
        String delegate = programme.approvedDelegate(conferenceId);

        enrol(cancelled, delegate).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.title").isEqualTo("Session cancelled");
    }

    @Test
    void answersNotFoundForASessionNotReleasedInTheConference() {
        String delegate = programme.approvedDelegate(conferenceId);

        enrol("no-such-session", delegate).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Session not found");
    }

    @Test
    void answersNotFoundWhenLeavingASessionTheDelegateIsNotEnrolledIn() {
        String forum = programme.release(ReleasedSession.forum(conferenceId, FORUM_START, FORUM_END, 30));

        leave(forum, "reg-never-enrolled").expectStatus().isNotFound()
                .expectBody().jsonPath("$.title").isEqualTo("Enrolment not found");
    }

    @Test
    void rejectsAnEnrolmentWithoutRegistrationId() {
        String forum = programme.release(ReleasedSession.forum(conferenceId, FORUM_START, FORUM_END, 30));

        http.post().uri("/api/conferences/{c}/sessions/{s}/enrolments", conferenceId, forum)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("registrationId");
    }

    private RestTestClient.ResponseSpec enrol(String sessionId, String registrationId) {
        return http.post().uri("/api/conferences/{c}/sessions/{s}/enrolments", conferenceId, sessionId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("registrationId", registrationId))
                .exchange();
    }

    private RestTestClient.ResponseSpec leave(String sessionId, String registrationId) {
        return http.delete().uri("/api/conferences/{c}/sessions/{s}/enrolments/{r}", conferenceId, sessionId,
                registrationId).exchange();
    }

    private SessionEnrolments enrolments(String sessionId) {
        return http.get().uri("/api/conferences/{c}/sessions/{s}/enrolments", conferenceId, sessionId).exchange()
                .expectStatus().isOk()
                .expectBody(SessionEnrolments.class).returnResult().getResponseBody();
    }
}
