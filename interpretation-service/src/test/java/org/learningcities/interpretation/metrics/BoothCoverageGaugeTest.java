package org.learningcities.interpretation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.learningcities.interpretation.InterpretationIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The booths gauge against the real planner loop: the programme and roster are stored as their consumers and the
 * roster API store them, on a day of this test's own so that no other test's interpreters can staff the booth.
 */
class BoothCoverageGaugeTest extends InterpretationIntegrationTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** The planner's loop plus the gauge's 15 s refresh. */
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    RestTestClient http;

    private final String conferenceId = "iclc-" + UUID.randomUUID();
    private final LocalDate day = LocalDate.of(2200 + ThreadLocalRandom.current().nextInt(600), 1, 1)
            .plusDays(ThreadLocalRandom.current().nextInt(365));

    @Test
    void movesAFrenchBoothFromUncoveredToCoveredOnceATeamAndSparesJoinTheRoster() {
        jdbc.sql("""
                insert into conference (conference_id, time_zone, start_date, end_date, languages, changed_at)
                values (?, ?, ?, ?, cast(? as text[]), now())""")
                .params(conferenceId, BEIJING.getId(), day, day, new String[] {"en", "fr"}).update();
        releaseEnglishSessionInterpretedIntoFrench();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(booths("UNCOVERED")).isEqualTo(1);
            assertThat(booths("COVERED")).isZero();
        });

        // A team of two, and two more free to step in: fewer spares would leave the booth AT_RISK.
        for (String familyName : new String[] {"Martin", "Bernard", "Moreau", "Laurent"}) {
            interpreterWorkingIntoFrench(familyName);
        }
        requestReplan();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(booths("COVERED")).isEqualTo(1);
            assertThat(booths("UNCOVERED")).isZero();
            assertThat(booths("AT_RISK")).isZero();
        });
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).containsPattern(
                        "platform_interpretation_booths\\{conference=\"" + conferenceId
                                + "\",status=\"COVERED\"} 1(\\.0)?\\n"));
    }

    private double booths(String status) {
        Gauge gauge = meters.find("platform.interpretation.booths")
                .tags("conference", conferenceId, "status", status).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private void releaseEnglishSessionInterpretedIntoFrench() {
        Instant startsAt = day.atTime(9, 0).atZone(BEIJING).toInstant();
        jdbc.sql("""
                insert into session (session_id, conference_id, schedule_version, sequence, titles, starts_at, ends_at,
                                     room_id, room_name, room_booths, floor_languages, interpretation_languages,
                                     enrolment_required, cancelled)
                values (?, ?, 1, 1, cast('{"en": "Opening plenary"}' as jsonb), ?, ?, 'plenary-hall', 'Plenary Hall',
                        4, cast(? as text[]), cast(? as text[]), false, false)""")
                .params("s-" + UUID.randomUUID(), conferenceId, Timestamp.from(startsAt),
                        Timestamp.from(startsAt.plus(Duration.ofHours(2))), new String[] {"en"}, new String[] {"fr"})
                .update();
        requestReplan();
    }

    private void interpreterWorkingIntoFrench(String familyName) {
        String id = "int-" + UUID.randomUUID();
        jdbc.sql("""
                insert into interpreter (interpreter_id, given_name, family_name, email, correspondence_language)
                values (?, 'Test', ?, ?, 'en')""")
                .params(id, familyName, id + "@interpreters.example.org").update();
        jdbc.sql("insert into interpreter_language (interpreter_id, language, class) values (?, 'fr', 'A'), (?, 'en', 'C')")
                .params(id, id).update();
        jdbc.sql("insert into interpreter_availability (interpreter_id, available_on) values (?, ?)")
                .params(id, day).update();
    }

    /** As the programme consumers and the roster API do after a change: the loop re-plans the conference. */
    private void requestReplan() {
        jdbc.sql("""
                insert into replan_request (conference_id) values (?)
                on conflict (conference_id) do update set requested_at = clock_timestamp()""")
                .param(conferenceId).update();
    }
}
