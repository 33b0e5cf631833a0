package org.learningcities.agenda.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcities.agenda.AgendaIntegrationTest;
import org.learningcities.agenda.ProgrammeFixture;
import org.learningcities.agenda.ProgrammeFixture.ReleasedSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

class PersonalAgendaTest extends AgendaIntegrationTest {

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcClient jdbc;

    ProgrammeFixture programme;
    String conferenceId;

    @BeforeEach
    void conference() {
        programme = new ProgrammeFixture(http, jdbc);
        conferenceId = programme.conference("Asia/Shanghai");
    }

    @Test
    void listsSessionsOpenToAllAndTheDelegatesEnrolmentsInStartOrder() {
        String opening = programme.release(ReleasedSession.plenary(conferenceId,
                "2013-10-21T01:00:00Z", "2013-10-21T03:00:00Z"));
        // Neither a cancelled plenary nor a forum the delegate did not enrol in shows.
        programme.release(ReleasedSession.plenary(conferenceId,
                "2013-10-21T04:00:00Z", "2013-10-21T05:00:00Z").cancelledOne());
        String enrolledForum = programme.release(ReleasedSession.forum(conferenceId,
                "2013-10-22T06:00:00Z", "2013-10-22T08:00:00Z", 30));
        programme.release(ReleasedSession.forum(conferenceId,
                "2013-10-22T06:00:00Z", "2013-10-22T08:00:00Z", 30));
        String fullVisit = programme.release(ReleasedSession.forum(conferenceId,
                "2013-10-23T01:00:00Z", "2013-10-23T05:00:00Z", 1));
        String delegate = programme.approvedDelegate(conferenceId);
        enrol(enrolledForum, programme.approvedDelegate(conferenceId));
        enrol(enrolledForum, delegate);
        enrol(fullVisit, programme.approvedDelegate(conferenceId));
        enrol(fullVisit, delegate);

        agenda(delegate, null).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.timeZone").isEqualTo("Asia/Shanghai")
                .jsonPath("$.sessions[*].sessionId").isEqualTo(List.of(opening, enrolledForum, fullVisit))
                .jsonPath("$.sessions[0].enrolment").doesNotExist()
                .jsonPath("$.sessions[1].enrolment").isEqualTo("CONFIRMED")
                .jsonPath("$.sessions[2].enrolment").isEqualTo("WAITLISTED")
                .jsonPath("$.sessions[2].waitlistPosition").isEqualTo(1)
                .jsonPath("$.sessions[0].start.local").isEqualTo("2013-10-21T09:00:00")
                .jsonPath("$.sessions[0].start.utc").isEqualTo("2013-10-21T01:00:00Z")
                .jsonPath("$.sessions[0].startInZone").doesNotExist();
    }

    @Test
    void numbersTheDelegatesPlaceInEachWaitingLineByArrivalWithinThatSession() {
        String visit = programme.release(ReleasedSession.forum(conferenceId,
                "2013-10-23T01:00:00Z", "2013-10-23T05:00:00Z", 1));
        String workshop = programme.release(ReleasedSession.forum(conferenceId,
                "2013-10-23T06:00:00Z", "2013-10-23T08:00:00Z", 1));
        String delegate = programme.approvedDelegate(conferenceId);
        enrol(visit, programme.approvedDelegate(conferenceId));
        enrol(visit, programme.approvedDelegate(conferenceId));
        enrol(workshop, programme.approvedDelegate(conferenceId));
        enrol(visit, delegate);
        // Behind nobody in this line, though others have waited longer for the visit.
        enrol(workshop, delegate);

        agenda(delegate, null).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.sessions[*].sessionId").isEqualTo(List.of(visit, workshop))
                .jsonPath("$.sessions[0].waitlistPosition").isEqualTo(2)
                .jsonPath("$.sessions[1].waitlistPosition").isEqualTo(1);
    }

    @Test
    void showsTimesAlsoInTheZoneTheDelegateAsksFor() {
        programme.release(ReleasedSession.plenary(conferenceId, "2013-10-21T01:00:00Z", "2013-10-21T03:00:00Z"));
        String delegate = programme.approvedDelegate(conferenceId);

        agenda(delegate, "Europe/Paris").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.zone").isEqualTo("Europe/Paris")
                .jsonPath("$.sessions[0].start.local").isEqualTo("2013-10-21T09:00:00")
                // Paris was still on summer time (UTC+2) on 21 October 2013.
                .jsonPath("$.sessions[0].startInZone.local").isEqualTo("2013-10-21T03:00:00")
                .jsonPath("$.sessions[0].endInZone.local").isEqualTo("2013-10-21T05:00:00")
                .jsonPath("$.sessions[0].endInZone.utc").isEqualTo("2013-10-21T03:00:00Z");
    }

    @Test
    void picksTheTitleInTheDelegatesLanguageElseEnglish() {
        programme.release(ReleasedSession.plenary(conferenceId, "2013-10-21T01:00:00Z", "2013-10-21T03:00:00Z")
                .titled("{\"en\": \"Opening ceremony\", \"zh\": \"开幕式\"}"));
        String chineseListener = programme.approvedDelegate(conferenceId, List.of("zh", "en"));
        String arabicListener = programme.approvedDelegate(conferenceId, List.of("ar"));

        agenda(chineseListener, null).expectBody().jsonPath("$.sessions[0].title").isEqualTo("开幕式");
        agenda(arabicListener, null).expectBody().jsonPath("$.sessions[0].title").isEqualTo("Opening ceremony");
    }

    @Test
    void rejectsAZoneThatIsNoIanaZone() {
        String delegate = programme.approvedDelegate(conferenceId);

        agenda(delegate, "Paris/Central").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(new ParameterizedTypeReference<List<String>>() {
                }, fields -> assertThat(fields).containsExactly("zone"));
    }

    @Test
    void answersNotFoundForADelegateNotRegisteredForTheConference() {
        String elsewhere = programme.approvedDelegate(programme.conference("America/Bogota"));

        agenda(elsewhere, null).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Delegate not found");
    }

    @Test
    void publishesTheAgendaAsICalendarOnTheVenuesClocksWithStableUidsAndSequence() throws Exception {
        String opening = programme.release(ReleasedSession.plenary(conferenceId,
                "2013-10-21T01:00:00Z", "2013-10-21T03:00:00Z").inSequence(3));
        String delegate = programme.approvedDelegate(conferenceId);

        String ics = http.get().uri("/api/conferences/{c}/agendas/{r}.ics", conferenceId, delegate).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/calendar")
                .expectBody(String.class).returnResult().getResponseBody();

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VTimeZone> timeZones = calendar.getComponents(VTimeZone.VTIMEZONE);
        assertThat(timeZones).singleElement().satisfies(zone ->
                assertThat(zone.getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Asia/Shanghai"));
        List<VEvent> events = calendar.getComponents(VEvent.VEVENT);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getProperty(Property.UID).orElseThrow().getValue())
                    .isEqualTo(opening + "@learningcities.org");
            assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("3");
            assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo("Plenary");
            assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("Plenary Hall");
            Property start = event.getProperty(Property.DTSTART).orElseThrow();
            assertThat(start.getValue()).isEqualTo("20131021T090000");
            assertThat(start.getParameter(Parameter.TZID).orElseThrow().getValue()).isEqualTo("Asia/Shanghai");
        });
    }

    private void enrol(String sessionId, String registrationId) {
        http.post().uri("/api/conferences/{c}/sessions/{s}/enrolments", conferenceId, sessionId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("registrationId", registrationId))
                .exchange()
                .expectStatus().is2xxSuccessful();
    }

    private RestTestClient.ResponseSpec agenda(String registrationId, String zone) {
        return http.get().uri(builder -> {
            builder.path("/api/conferences/{c}/agendas/{r}");
            if (zone != null) {
                builder.queryParam("zone", zone);
            }
            return builder.build(conferenceId, registrationId);
        }).exchange();
    }
}
