package org.learningcities.agenda.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcities.agenda.AgendaIntegrationTest;
import org.learningcities.agenda.ProgrammeFixture;
import org.learningcities.agenda.ProgrammeFixture.ReleasedSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** platform.enrolments as Prometheus scrapes it from the running service's /actuator/prometheus. */
class EnrolmentMetricsTest extends AgendaIntegrationTest {

    private static final String FORUM_START = "2013-10-22T06:00:00Z";
    private static final String FORUM_END = "2013-10-22T08:00:00Z";
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{(.*)} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EnrolmentsGauge enrolmentsGauge;

    ProgrammeFixture programme;
    String conferenceId;

    @BeforeEach
    void conference() {
        programme = new ProgrammeFixture(http, jdbc);
        conferenceId = programme.conference("Asia/Shanghai");
    }

    @Test
    void enrollingAndWaitlistingMoveTheConferencesSeatsAndWaitingList() {
        String forum = programme.release(ReleasedSession.forum(conferenceId, FORUM_START, FORUM_END, 1));
        String seated = programme.approvedDelegate(conferenceId);
        String waiting = programme.approvedDelegate(conferenceId);

        enrol(forum, seated).expectStatus().isCreated();
        // The 15-second refresh, run now rather than waited for; the scheduled run has its own test.
        enrolmentsGauge.refresh();
        assertThat(enrolments("CONFIRMED")).hasValue(1);
        assertThat(enrolments("WAITLISTED")).hasValue(0);

        enrol(forum, waiting).expectStatus().isAccepted();
        enrolmentsGauge.refresh();
        assertThat(enrolments("CONFIRMED")).hasValue(1);
        assertThat(enrolments("WAITLISTED")).hasValue(1);
    }

    @Test
    void promotingTheFirstInLineMovesAPlaceFromTheWaitingListToTheSeats() {
        String forum = programme.release(ReleasedSession.forum(conferenceId, FORUM_START, FORUM_END, 1));
        String leaving = programme.approvedDelegate(conferenceId);
        String firstInLine = programme.approvedDelegate(conferenceId);
        enrol(forum, leaving).expectStatus().isCreated();
        enrol(forum, firstInLine).expectStatus().isAccepted();

        http.delete().uri("/api/conferences/{c}/sessions/{s}/enrolments/{r}", conferenceId, forum, leaving)
                .exchange().expectStatus().isNoContent();
        enrolmentsGauge.refresh();

        assertThat(enrolments("CONFIRMED")).hasValue(1);
        assertThat(enrolments("WAITLISTED")).hasValue(0);
    }

    @Test
    void countsEnrolmentsWithinFifteenSecondsWithoutBeingAsked() {
        String forum = programme.release(ReleasedSession.forum(conferenceId, FORUM_START, FORUM_END, 30));
        enrol(forum, programme.approvedDelegate(conferenceId)).expectStatus().isCreated();

        await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(enrolments("CONFIRMED")).hasValue(1));
    }

    private RestTestClient.ResponseSpec enrol(String sessionId, String registrationId) {
        return http.post().uri("/api/conferences/{c}/sessions/{s}/enrolments", conferenceId, sessionId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("registrationId", registrationId))
                .exchange();
    }

    private OptionalDouble enrolments(String status) {
        return sample("platform_enrolments", Map.of("conference", conferenceId, "status", status));
    }

    /** The value of the one sample of that name with exactly these labels on the service's scrape endpoint. */
    private OptionalDouble sample(String name, Map<String, String> labels) {
        String scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches() && sample.group(1).equals(name)) {
                Map<String, String> found = new HashMap<>();
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    found.put(label.group(1), label.group(2));
                }
                if (found.equals(labels)) {
                    return OptionalDouble.of(Double.parseDouble(sample.group(3)));
                }
            }
        }
        return OptionalDouble.empty();
    }
}
