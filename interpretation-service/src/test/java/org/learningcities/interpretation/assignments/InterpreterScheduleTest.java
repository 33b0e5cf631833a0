package org.learningcities.interpretation.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.learningcities.interpretation.InterpretationIntegrationTest;
import org.learningcities.interpretation.assignments.PlanningFixture.TestSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

class InterpreterScheduleTest extends InterpretationIntegrationTest {

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcClient jdbc;

    @Test
    void servesAnInterpretersScheduleAsJsonAndICalendar() throws Exception {
        PlanningFixture fixture = new PlanningFixture(jdbc);
        List<String> french = fixture.team("fr", 2);
        TestSession plenary = fixture.session("09:00", 2, List.of("en"), List.of("fr")).inSequence(3);
        fixture.release(plenary);
        fixture.awaitPlanned();

        InterpreterSchedule schedule = http.get().uri("/api/interpreters/{i}/assignments", french.getFirst())
                .exchange().expectStatus().isOk()
                .expectBody(InterpreterSchedule.class).returnResult().getResponseBody();
        assertThat(schedule.name()).isEqualTo("Test FR0");
        assertThat(schedule.assignments()).singleElement().satisfies(assignment -> {
            assertThat(assignment.sessionId()).isEqualTo(plenary.sessionId());
            assertThat(assignment.boothLanguage()).isEqualTo("fr");
            assertThat(assignment.relayLanguage()).isNull();
            assertThat(assignment.startsAt().utc()).isEqualTo(plenary.startsAt());
            assertThat(assignment.startsAt().local()).isEqualTo(LocalDateTime.of(fixture.day, LocalTime.of(9, 0)));
            assertThat(assignment.timeZone()).isEqualTo("Asia/Shanghai");
            assertThat(assignment.room().name()).isEqualTo("Plenary Hall");
            assertThat(assignment.team()).extracting(Coverage.Interpreter::interpreterId)
                    .containsExactlyInAnyOrderElementsOf(french);
        });

        String ics = http.get().uri("/api/interpreters/{i}/assignments.ics", french.getFirst()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/calendar")
                .expectBody(String.class).returnResult().getResponseBody();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents(VEvent.VEVENT);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getProperty(Property.UID).orElseThrow().getValue())
                    .isEqualTo(plenary.sessionId() + "@learningcities.org");
            assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("3");
            assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("Plenary Hall");
            assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue())
                    .isEqualTo(fixture.day.toString().replace("-", "") + "T090000");
        });
    }

    @Test
    void answersTheScheduleOfAnUnknownInterpreterWithNotFound() {
        http.get().uri("/api/interpreters/{i}/assignments", "no-such-interpreter").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json");
        http.get().uri("/api/interpreters/{i}/assignments.ics", "no-such-interpreter").exchange()
                .expectStatus().isNotFound();
    }
}
