package org.learningcities.agenda.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcities.agenda.SchedulingFixture.assertRejected;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcities.agenda.AgendaIntegrationTest;
import org.learningcities.agenda.SchedulingFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

class RoomsTest extends AgendaIntegrationTest {

    @Autowired
    RestTestClient http;

    SchedulingFixture fixture;
    String conferenceId;

    @BeforeEach
    void conference() {
        fixture = new SchedulingFixture(http);
        conferenceId = fixture.beijing2013();
    }

    @Test
    void addsRoomsAndListsThemByName() {
        Room hallB = fixture.addRoom(conferenceId, Map.of("name", "Hall B", "capacity", 300, "booths", 4,
                        "accessible", false))
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location)
                        .startsWith("/api/conferences/" + conferenceId + "/rooms/room-"))
                .expectBody(Room.class).returnResult().getResponseBody();
        fixture.room(conferenceId, "Auditorium", 1200, 6);

        assertThat(hallB).isEqualTo(new Room(hallB.id(), conferenceId, "Hall B", 300, 4, false));
        Room[] rooms = http.get().uri("/api/conferences/{id}/rooms", conferenceId).exchange()
                .expectStatus().isOk()
                .expectBody(Room[].class).returnResult().getResponseBody();
        assertThat(Arrays.stream(rooms).map(Room::name)).containsExactly("Auditorium", "Hall B");
        http.get().uri("/api/conferences/{id}/rooms/{roomId}", conferenceId, hallB.id()).exchange()
                .expectStatus().isOk()
                .expectBody(Room.class).isEqualTo(hallB);
    }

    @Test
    void roomsAreStepFreeUnlessSaidOtherwise() {
        fixture.addRoom(conferenceId, Map.of("name", "Hall C", "capacity", 80, "booths", 0))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.accessible").isEqualTo(true);
    }

    @Test
    void refusesASecondRoomOfTheSameNameInAnyLetterCase() {
        fixture.room(conferenceId, "Hall B", 300, 4);

        fixture.addRoom(conferenceId, Map.of("name", "hall b", "capacity", 50, "booths", 0))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void allowsTheSameRoomNameAtAnotherConference() {
        fixture.room(conferenceId, "Hall B", 300, 4);

        fixture.addRoom(fixture.beijing2013(), Map.of("name", "Hall B", "capacity", 300, "booths", 4))
                .expectStatus().isCreated();
    }

    @Test
    void rejectsARoomWithoutSeats() {
        assertRejected(fixture.addRoom(conferenceId, Map.of("name", "Cupboard", "capacity", 0, "booths", 0)),
                "capacity");
    }

    @Test
    void rejectsANegativeNumberOfBooths() {
        assertRejected(fixture.addRoom(conferenceId, Map.of("name", "Hall D", "capacity", 10, "booths", -1)),
                "booths");
    }

    @Test
    void rejectsARoomWithoutName() {
        assertRejected(fixture.addRoom(conferenceId, Map.of("name", " ", "capacity", 10, "booths", 1)), "name");
    }

    @Test
    void answersNotFoundForRoomsOfAnUnknownConference() {
        fixture.addRoom("no-such-conference", Map.of("name", "Hall B", "capacity", 10, "booths", 1))
                .expectStatus().isNotFound();
        http.get().uri("/api/conferences/no-such-conference/rooms").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.title").isEqualTo("Conference not found");
    }
}
