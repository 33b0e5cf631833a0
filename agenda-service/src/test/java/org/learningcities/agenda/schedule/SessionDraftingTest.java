package org.learningcities.agenda.schedule;

import static org.learningcities.agenda.SchedulingFixture.assertRejected;
import static org.learningcities.agenda.SchedulingFixture.plenary;
import static org.learningcities.agenda.SchedulingFixture.with;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcities.agenda.AgendaIntegrationTest;
import org.learningcities.agenda.SchedulingFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

class SessionDraftingTest extends AgendaIntegrationTest {

    @Autowired
    RestTestClient http;

    SchedulingFixture fixture;
    String beijing;
    String hallB;

    @BeforeEach
    void beijingWithAHall() {
        fixture = new SchedulingFixture(http);
        beijing = fixture.beijing2013();
        hallB = fixture.room(beijing, "Hall B", 300, 4);
    }

    @Test
    void draftsASessionInTheConferencesLocalTime() {
        Map<String, Object> forum = with(plenary("Parallel regional forum: Asia and the Pacific", hallB,
                "2013-10-22T14:00", "2013-10-22T15:30"), Map.of("type", "REGIONAL_FORUM",
                "region", "ASIA_AND_THE_PACIFIC",
                "title", Map.of("en", "Parallel regional forum: Asia and the Pacific", "zh", "平行区域论坛：亚洲及太平洋"),
                "floorLanguages", List.of("en", "ZH"), "speakers", List.of("Arne Carlsen", "arne carlsen "),
                "capacity", 120));
        forum.remove("enrolmentRequired");

        fixture.draft(beijing, forum).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.start.local").isEqualTo("2013-10-22T14:00:00")
                .jsonPath("$.start.utc").isEqualTo("2013-10-22T06:00:00Z")
                .jsonPath("$.end.utc").isEqualTo("2013-10-22T07:30:00Z")
                .jsonPath("$.roomName").isEqualTo("Hall B")
                .jsonPath("$.titles.zh").isEqualTo("平行区域论坛：亚洲及太平洋")
                .jsonPath("$.floorLanguages").isEqualTo(List.of("en", "zh"))
                .jsonPath("$.speakers").isEqualTo(List.of("Arne Carlsen"))
                .jsonPath("$.enrolmentRequired").isEqualTo(true)
                .jsonPath("$.pendingChanges[0].kind").isEqualTo("SCHEDULED");
    }

    @Test
    void refusesToBookARoomTwiceNamingTheOtherSession() {
        String opening = fixture.drafted(beijing, plenary("Opening ceremony", hallB, "2013-10-21T09:00",
                "2013-10-21T10:30"));

        fixture.draft(beijing, plenary("Plenary 1", hallB, "2013-10-21T10:00", "2013-10-21T11:00"))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Room double-booked")
                .jsonPath("$.conflictingSessionId").isEqualTo(opening)
                .jsonPath("$.errors[0].field").isEqualTo("roomId");
    }

    @Test
    void letsASessionStartWhenThePreviousOneInTheRoomEnds() {
        fixture.drafted(beijing, plenary("Opening ceremony", hallB, "2013-10-21T09:00", "2013-10-21T10:30"));

        fixture.draft(beijing, plenary("Plenary 1", hallB, "2013-10-21T10:30", "2013-10-21T12:00"))
                .expectStatus().isCreated();
    }

    @Test
    void refusesASpeakerInTwoPlacesAtOnceWhateverTheLetterCase() {
        String hallC = fixture.room(beijing, "Hall C", 100, 2);
        String keynote = fixture.drafted(beijing, with(plenary("Keynote", hallB, "2013-10-21T09:00",
                "2013-10-21T10:30"), Map.of("speakers", List.of("Irina Bokova"))));

        fixture.draft(beijing, with(plenary("Mayors' forum", hallC, "2013-10-21T10:00", "2013-10-21T11:00"),
                        Map.of("type", "MAYORS_FORUM", "speakers", List.of("Yuan Guiren", "irina bokova"))))
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Speaker double-booked")
                .jsonPath("$.conflictingSessionId").isEqualTo(keynote)
                .jsonPath("$.errors[0].field").isEqualTo("speakers");
    }

    @Test
    void aCancelledSessionFreesItsRoomAndSpeakers() {
        String keynote = fixture.drafted(beijing, with(plenary("Keynote", hallB, "2013-10-21T09:00",
                "2013-10-21T10:30"), Map.of("speakers", List.of("Irina Bokova"))));
        fixture.change(beijing, keynote, Map.of("cancelled", true, "cancellationReason", "Speaker unwell"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.cancelled").isEqualTo(true);

        fixture.draft(beijing, with(plenary("Replacement keynote", hallB, "2013-10-21T09:00", "2013-10-21T10:30"),
                Map.of("speakers", List.of("Irina Bokova")))).expectStatus().isCreated();
    }

    @Test
    void refusesToMoveASessionOntoAnotherInTheSameRoom() {
        String opening = fixture.drafted(beijing, plenary("Opening ceremony", hallB, "2013-10-21T09:00",
                "2013-10-21T10:30"));
        String plenary = fixture.drafted(beijing, plenary("Plenary 1", hallB, "2013-10-21T11:00",
                "2013-10-21T12:00"));

        fixture.change(beijing, plenary, Map.of("start", "2013-10-21T10:00"))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.conflictingSessionId").isEqualTo(opening);
    }

    @Test
    void refusesToRelocateASessionIntoABookedRoom() {
        String hallC = fixture.room(beijing, "Hall C", 300, 4);
        String opening = fixture.drafted(beijing, plenary("Opening ceremony", hallB, "2013-10-21T09:00",
                "2013-10-21T10:30"));
        String forum = fixture.drafted(beijing, plenary("Forum", hallC, "2013-10-21T09:00", "2013-10-21T10:30"));

        fixture.change(beijing, forum, Map.of("roomId", hallB))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.conflictingSessionId").isEqualTo(opening);
    }

    @Test
    void refusesASessionBeforeTheFirstConferenceDay() {
        assertRejected(fixture.draft(beijing, plenary("Early", hallB, "2013-10-20T23:00", "2013-10-21T01:00")),
                "start");
    }

    @Test
    void refusesASessionRunningPastTheLastConferenceDay() {
        // 23 October is the last day; its midnight in Beijing is the end of the conference.
        fixture.draft(beijing, plenary("Late", hallB, "2013-10-23T22:00", "2013-10-24T00:00"))
                .expectStatus().isCreated();
        assertRejected(fixture.draft(beijing, plenary("Later", hallB, "2013-10-23T23:30", "2013-10-24T00:30")),
                "end");
    }

    @Test
    void refusesASessionEndingBeforeItStarts() {
        assertRejected(fixture.draft(beijing, plenary("Backwards", hallB, "2013-10-21T11:00", "2013-10-21T10:00")),
                "end");
    }

    @Test
    void refusesMoreSeatsThanTheRoomHas() {
        assertRejected(fixture.draft(beijing, with(plenary("Crowded", hallB, "2013-10-21T09:00",
                "2013-10-21T10:00"), Map.of("capacity", 301))), "capacity");
    }

    @Test
    void refusesRelocatingToARoomSmallerThanTheSessionsCapacity() {
        String smallRoom = fixture.room(beijing, "Meeting room 3", 20, 1);
        String plenary = fixture.drafted(beijing, with(plenary("Big", hallB, "2013-10-21T09:00", "2013-10-21T10:00"),
                Map.of("capacity", 250)));

        assertRejected(fixture.change(beijing, plenary, Map.of("roomId", smallRoom)), "capacity");
    }

    @Test
    void refusesMoreInterpretationLanguagesThanTheRoomHasBooths() {
        String oneBooth = fixture.room(beijing, "Salon 1", 40, 1);

        assertRejected(fixture.draft(beijing, with(plenary("Side event", oneBooth, "2013-10-21T09:00",
                "2013-10-21T10:00"), Map.of("interpretationLanguages", List.of("zh", "fr")))), "interpretationLanguages");
    }

    @Test
    void refusesALocalTimeTheClocksSkipWhenDaylightSavingStarts() {
        // Berlin's clocks went from 02:00 straight to 03:00 on 31 March 2019.
        String berlin = fixture.conference("Europe/Berlin", "2019-03-30", "2019-04-01");
        String hall = fixture.room(berlin, "Saal 1", 100, 2);

        assertRejected(fixture.draft(berlin, plenary("Night session", hall, "2019-03-31T02:30", "2019-03-31T04:00")),
                "start");
    }

    @Test
    void countsTheRealDurationOfASessionAcrossTheDaylightSavingChange() {
        // Mexico City left daylight saving time at 02:00 on 25 October 2015: 00:30–02:30 local lasted three hours.
        String mexico = fixture.conference("America/Mexico_City", "2015-10-24", "2015-10-26");
        String hall = fixture.room(mexico, "Salón Juárez", 100, 2);

        fixture.draft(mexico, plenary("Vigil", hall, "2015-10-25T00:30", "2015-10-25T02:30"))
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.start.utc").isEqualTo("2015-10-25T05:30:00Z")
                .jsonPath("$.end.utc").isEqualTo("2015-10-25T08:30:00Z")
                .jsonPath("$.end.local").isEqualTo("2015-10-25T02:30:00");
    }

    @Test
    void refusesARegionalForumWithoutItsRegion() {
        assertRejected(fixture.draft(beijing, with(plenary("Regional forum", hallB, "2013-10-22T14:00",
                "2013-10-22T15:30"), Map.of("type", "REGIONAL_FORUM"))), "region");
    }

    @Test
    void refusesARegionOnASessionThatIsNoRegionalForum() {
        assertRejected(fixture.draft(beijing, with(plenary("Plenary", hallB, "2013-10-22T14:00",
                "2013-10-22T15:30"), Map.of("region", "AFRICA"))), "region");
    }

    @Test
    void refusesAnUnknownSessionType() {
        assertRejected(fixture.draft(beijing, with(plenary("Gala", hallB, "2013-10-22T19:00", "2013-10-22T21:00"),
                Map.of("type", "GALA_DINNER"))), "type");
    }

    @Test
    void refusesASessionWithoutTitle() {
        assertRejected(fixture.draft(beijing, with(plenary("x", hallB, "2013-10-22T19:00", "2013-10-22T21:00"),
                Map.of("title", Map.of()))), "title");
    }

    @Test
    void refusesATitleInSomethingThatIsNoLanguage() {
        assertRejected(fixture.draft(beijing, with(plenary("x", hallB, "2013-10-22T19:00", "2013-10-22T21:00"),
                Map.of("title", Map.of("english", "Plenary")))), "title");
    }

    @Test
    void refusesAnInterpretationLanguageThatIsNoBcp47Tag() {
        assertRejected(fixture.draft(beijing, with(plenary("x", hallB, "2013-10-22T19:00", "2013-10-22T21:00"),
                Map.of("interpretationLanguages", List.of("Chinese")))), "interpretationLanguages[0]");
    }

    @Test
    void refusesARoomOfAnotherConference() {
        String elsewhere = fixture.room(fixture.beijing2013(), "Hall B", 300, 4);

        assertRejected(fixture.draft(beijing, plenary("x", elsewhere, "2013-10-22T19:00", "2013-10-22T21:00")),
                "roomId");
    }

    @Test
    void requiresARoomExceptForStudyVisits() {
        assertRejected(fixture.draft(beijing, plenary("Roomless", null, "2013-10-22T09:00", "2013-10-22T10:00")),
                "roomId");
        fixture.draft(beijing, with(plenary("Visit to a community learning centre", null, "2013-10-22T09:00",
                        "2013-10-22T12:00"), Map.of("type", "STUDY_VISIT")))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.roomId").doesNotExist();
    }

    @Test
    void answersNotFoundForAnUnknownConferenceOrSession() {
        fixture.draft("no-such-conference", plenary("x", hallB, "2013-10-22T09:00", "2013-10-22T10:00"))
                .expectStatus().isNotFound();
        fixture.change(beijing, "no-such-session", Map.of("start", "2013-10-22T09:00"))
                .expectStatus().isNotFound();
    }

    @Test
    void showsOrganisersThePendingChangesOfTheDraftProgramme() {
        String opening = fixture.drafted(beijing, plenary("Opening ceremony", hallB, "2013-10-21T09:00",
                "2013-10-21T10:30"));
        fixture.released(beijing);
        fixture.changed(beijing, opening, Map.of("start", "2013-10-21T09:30", "end", "2013-10-21T11:00"));

        http.get().uri("/api/conferences/{id}/sessions/drafts", beijing).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].id").isEqualTo(opening)
                .jsonPath("$[0].releasedVersion").isEqualTo(1)
                .jsonPath("$[0].start.local").isEqualTo("2013-10-21T09:30:00")
                .jsonPath("$[0].pendingChanges[0].kind").isEqualTo("RESCHEDULED")
                .jsonPath("$[0].pendingChanges[0].from.start").isEqualTo("2013-10-21T09:00:00")
                .jsonPath("$[0].pendingChanges.length()").isEqualTo(1);
    }
}
