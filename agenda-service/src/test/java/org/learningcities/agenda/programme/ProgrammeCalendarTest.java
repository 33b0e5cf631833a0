package org.learningcities.agenda.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcities.agenda.SchedulingFixture.assertRejected;
import static org.learningcities.agenda.SchedulingFixture.plenary;
import static org.learningcities.agenda.SchedulingFixture.with;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
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
import org.learningcities.agenda.SchedulingFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

class ProgrammeCalendarTest extends AgendaIntegrationTest {

    @Autowired
    RestTestClient http;

    SchedulingFixture fixture;
    String beijing;
    String hallB;
    String hallC;

    @BeforeEach
    void beijingWithTwoHalls() {
        fixture = new SchedulingFixture(http);
        beijing = fixture.beijing2013();
        hallB = fixture.room(beijing, "Hall B", 300, 4);
        hallC = fixture.room(beijing, "Hall C", 120, 2);
    }

    @Test
    void publishesTheReleasedProgrammeOnTheVenuesClocksWithItsTimeZone() throws Exception {
        String opening = fixture.drafted(beijing, with(plenary("Opening ceremony", hallB, "2013-10-21T09:00",
                "2013-10-21T10:30"), Map.of("floorLanguages", List.of("zh"), "interpretationLanguages",
                List.of("en", "fr"))));
        fixture.released(beijing);

        http.get().uri("/api/conferences/{id}/agenda.ics", beijing).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8));
        Calendar calendar = feed("");

        assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue())
                .isEqualTo("International Conference on Learning Cities");
        List<VTimeZone> zones = calendar.getComponents(VTimeZone.VTIMEZONE);
        assertThat(zones).singleElement().satisfies(zone ->
                assertThat(zone.getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Asia/Shanghai"));
        assertThat(events(calendar)).singleElement().satisfies(event -> {
            assertThat(value(event, Property.UID)).isEqualTo(opening + "@learningcities.org");
            assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
            assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
            assertThat(value(event, Property.SUMMARY)).isEqualTo("Opening ceremony");
            assertThat(value(event, Property.LOCATION)).isEqualTo("Hall B");
            assertThat(value(event, Property.DESCRIPTION))
                    .contains("Floor: Chinese (zh)")
                    .contains("Interpretation: English (en), French (fr)");
            assertOnVenueClocks(event, Property.DTSTART, "20131021T090000");
            assertOnVenueClocks(event, Property.DTEND, "20131021T103000");
        });
    }

    @Test
    void keepsAMovedSessionsUidAndRaisesItsSequenceSoCalendarsMoveIt() throws Exception {
        String opening = fixture.drafted(beijing, plenary("Opening", hallB, "2013-10-21T09:00", "2013-10-21T10:00"));
        fixture.released(beijing);
        VEvent before = events(feed("")).getFirst();

        fixture.changed(beijing, opening, Map.of("start", "2013-10-21T14:00", "end", "2013-10-21T15:00"));
        fixture.released(beijing);
        VEvent after = events(feed("")).getFirst();

        assertThat(value(after, Property.UID)).isEqualTo(value(before, Property.UID))
                .isEqualTo(opening + "@learningcities.org");
        assertThat(value(before, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(after, Property.SEQUENCE)).isEqualTo("1");
        assertOnVenueClocks(before, Property.DTSTART, "20131021T090000");
        assertOnVenueClocks(after, Property.DTSTART, "20131021T140000");
    }

    @Test
    void keepsACancelledSessionAsCancelledSoCalendarsRemoveIt() throws Exception {
        String visit = fixture.drafted(beijing, plenary("Visit", hallB, "2013-10-22T14:00", "2013-10-22T15:30"));
        String opening = fixture.drafted(beijing, plenary("Opening", hallB, "2013-10-21T09:00", "2013-10-21T10:00"));
        fixture.released(beijing);
        fixture.changed(beijing, visit, Map.of("cancelled", true, "cancellationReason", "Typhoon warning"));
        fixture.released(beijing);

        List<VEvent> events = events(feed(""));

        assertThat(events).extracting(event -> value(event, Property.UID))
                .containsExactly(opening + "@learningcities.org", visit + "@learningcities.org");
        assertThat(events.getLast()).satisfies(cancelled -> {
            assertThat(value(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
            assertThat(value(cancelled, Property.SEQUENCE)).isEqualTo("1");
            assertThat(value(cancelled, Property.DESCRIPTION)).contains("Typhoon warning");
        });
        assertThat(value(events.getFirst(), Property.STATUS)).isEqualTo("CONFIRMED");
    }

    @Test
    void leavesDraftsOutUntilTheyAreReleased() throws Exception {
        fixture.drafted(beijing, plenary("Opening", hallB, "2013-10-21T09:00", "2013-10-21T10:00"));
        assertThat(events(feed(""))).isEmpty();

        fixture.released(beijing);
        String closing = fixture.drafted(beijing, plenary("Closing", hallB, "2013-10-23T16:00", "2013-10-23T17:00"));

        assertThat(events(feed(""))).extracting(event -> value(event, Property.SUMMARY)).containsExactly("Opening");
        assertThat(events(feed(""))).extracting(event -> value(event, Property.UID))
                .doesNotContain(closing + "@learningcities.org");
    }

    @Test
    void summarisesInTheRequestedLanguageFallingBackToEnglishThenAnyTitle() throws Exception {
        fixture.drafted(beijing, with(plenary("Opening", hallB, "2013-10-21T09:00", "2013-10-21T10:00"),
                Map.of("title", Map.of("en", "Opening ceremony", "zh", "开幕式"))));
        fixture.drafted(beijing, with(plenary("Foro", hallC, "2013-10-22T14:00", "2013-10-22T15:00"),
                Map.of("title", Map.of("es", "Foro regional"))));
        fixture.released(beijing);

        assertThat(summaries("?lang=zh")).containsExactly("开幕式", "Foro regional");
        assertThat(summaries("?lang=zh-CN")).containsExactly("开幕式", "Foro regional");
        assertThat(summaries("?lang=fr")).containsExactly("Opening ceremony", "Foro regional");
        assertThat(summaries("")).containsExactly("Opening ceremony", "Foro regional");
    }

    @Test
    void summarisesInTheConferencesFirstOfficialLanguageByDefault() throws Exception {
        String shanghai = chineseFirstConference();
        String hall = fixture.room(shanghai, "Hall A", 300, 4);
        fixture.drafted(shanghai, with(plenary("Opening", hall, "2013-10-21T09:00", "2013-10-21T10:00"),
                Map.of("title", Map.of("en", "Opening ceremony", "zh", "开幕式"))));
        fixture.released(shanghai);

        String ics = new String(http.get().uri("/api/conferences/{id}/agenda.ics", shanghai).exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.UTF_8);

        assertThat(events(new CalendarBuilder().build(new StringReader(ics))))
                .extracting(event -> value(event, Property.SUMMARY)).containsExactly("开幕式");
    }

    @Test
    void filtersLikeTheJsonProgramme() throws Exception {
        fixture.drafted(beijing, plenary("Opening", hallB, "2013-10-21T09:00", "2013-10-21T10:00"));
        fixture.drafted(beijing, with(plenary("Foro", hallC, "2013-10-22T14:00", "2013-10-22T15:00"),
                Map.of("type", "MARKETPLACE", "floorLanguages", List.of("es"), "interpretationLanguages",
                        List.of("fr"))));
        fixture.released(beijing);

        assertThat(summaries("?date=2013-10-22")).containsExactly("Foro");
        assertThat(summaries("?type=PLENARY")).containsExactly("Opening");
        assertThat(summaries("?language=fr")).containsExactly("Foro");
    }

    @Test
    void answersNotModifiedUntilTheNextReleaseChangesTheETag() {
        String opening = fixture.drafted(beijing, plenary("Opening", hallB, "2013-10-21T09:00", "2013-10-21T10:00"));
        fixture.released(beijing);

        String etag = http.get().uri("/api/conferences/{id}/agenda.ics?lang=zh", beijing).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
                .returnResult().getResponseHeaders().getETag();
        assertThat(etag).startsWith("\"v1-");
        assertThat(etagOf("?lang=ZH")).isEqualTo(etag);
        assertThat(etagOf("?lang=en")).isNotEqualTo(etag);
        http.get().uri("/api/conferences/{id}/agenda.ics?lang=zh", beijing).header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals(HttpHeaders.ETAG, etag);

        fixture.changed(beijing, opening, Map.of("roomId", hallC));
        http.get().uri("/api/conferences/{id}/agenda.ics?lang=zh", beijing).header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus().isNotModified();

        fixture.released(beijing);
        String newEtag = http.get().uri("/api/conferences/{id}/agenda.ics?lang=zh", beijing)
                .header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(ics -> assertThat(ics).contains("LOCATION:Hall C"))
                .returnResult().getResponseHeaders().getETag();
        assertThat(newEtag).startsWith("\"v2-").isNotEqualTo(etag);
    }

    @Test
    void rejectsALanguageTagThatMeansNothingNamingLang() {
        assertRejected(http.get().uri("/api/conferences/{id}/agenda.ics?lang=Chinese", beijing).exchange(), "lang");
    }

    @Test
    void answersNotFoundForAnUnknownConference() {
        http.get().uri("/api/conferences/no-such-conference/agenda.ics").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private Calendar feed(String query) throws Exception {
        byte[] ics = http.get().uri("/api/conferences/" + beijing + "/agenda.ics" + query).exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        return new CalendarBuilder().build(new StringReader(new String(ics, StandardCharsets.UTF_8)));
    }

    private List<String> summaries(String query) throws Exception {
        return events(feed(query)).stream().map(event -> value(event, Property.SUMMARY)).toList();
    }

    private String etagOf(String query) {
        return http.get().uri("/api/conferences/" + beijing + "/agenda.ics" + query).exchange()
                .expectStatus().isOk()
                .returnResult().getResponseHeaders().getETag();
    }

    private String chineseFirstConference() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", "International Conference on Learning Cities");
        request.put("city", "Beijing");
        request.put("countryCode", "CN");
        request.put("venue", "China National Convention Center");
        request.put("timeZone", "Asia/Shanghai");
        request.put("startDate", "2013-10-21");
        request.put("endDate", "2013-10-23");
        request.put("languages", List.of("zh", "en"));
        request.put("registrationOpens", "2013-01-10T09:00");
        request.put("registrationCloses", "2013-02-10T18:00");
        request.put("capacity", 500);
        return http.post().uri("/api/conferences").contentType(MediaType.APPLICATION_JSON).body(request).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    private static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents(VEvent.VEVENT);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }

    private static void assertOnVenueClocks(VEvent event, String property, String local) {
        Property time = event.getProperty(property).orElseThrow();
        assertThat(time.getValue()).isEqualTo(local);
        assertThat(time.getParameter(Parameter.TZID).orElseThrow().getValue()).isEqualTo("Asia/Shanghai");
    }
}
