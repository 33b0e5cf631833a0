package org.learningcities.interpretation.assignments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.learningcities.interpretation.assignments.PlanningFixture.awaitEvent;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcities.contracts.interpretation.InterpreterAssigned;
import org.learningcities.interpretation.InterpretationIntegrationTest;
import org.learningcities.interpretation.assignments.PlanningFixture.TestSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

class InterpretationBookingTest extends InterpretationIntegrationTest {

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcClient jdbc;

    PlanningFixture fixture;

    @BeforeEach
    void newConference() {
        fixture = new PlanningFixture(jdbc);
    }

    @Test
    void refusesABookingBeyondTheRoomsBooths() {
        fixture.team("ar", 2);
        TestSession forum = fixture.session("09:00", 2, List.of("en"), List.of("fr", "es")).relocatedTo("Room B", 2);
        fixture.release(forum);

        Booking booking = book(Map.of("sessionId", forum.sessionId(), "languages", List.of("ar")), null);

        assertThat(booking.status()).isEqualTo("UNFULFILLABLE");
        assertThat(booking.reasons()).containsExactly(new Booking.Reason("NOT_ENOUGH_BOOTHS", null,
                "Not enough interpretation booths in Room B: 2, and the session would need 3."));
        assertThat(requests()).containsExactly(booking);
    }

    @Test
    void refusesABookingForACancelledSessionOrALanguageNobodyWorksInto() {
        TestSession forum = fixture.session("09:00", 2, List.of("en"), List.of()).cancel();
        fixture.release(forum);

        Booking booking = book(Map.of("sessionId", forum.sessionId(), "languages", List.of("qtz")), null);

        assertThat(booking.status()).isEqualTo("UNFULFILLABLE");
        assertThat(booking.reasons()).extracting(Booking.Reason::code, Booking.Reason::language)
                .containsExactly(tuple("SESSION_CANCELLED", null),
                        tuple("NO_INTERPRETER", "qtz"));
    }

    @Test
    void staffsTheBoothAConfirmedBookingAdds() {
        fixture.team("fr", 2);
        List<String> russian = fixture.team("ru", 2);
        TestSession forum = fixture.session("09:00", 2, List.of("en"), List.of("fr"));
        fixture.release(forum);
        fixture.awaitPlanned();

        Booking booking = book(Map.of("sessionId", forum.sessionId(), "languages", List.of("RU")), null);

        assertThat(booking.status()).isEqualTo("CONFIRMED");
        assertThat(booking.languages()).containsExactly("ru");
        assertThat(booking.reasons()).isEmpty();
        fixture.awaitPlanned();
        Coverage coverage = http.get().uri("/api/conferences/{c}/interpretation/coverage", fixture.conferenceId)
                .exchange().expectStatus().isOk().expectBody(Coverage.class).returnResult().getResponseBody();
        assertThat(coverage.booths()).filteredOn(booth -> booth.boothLanguage().equals("ru")).singleElement()
                .satisfies(booth -> assertThat(booth.team()).extracting(Coverage.Interpreter::interpreterId)
                        .containsExactlyInAnyOrderElementsOf(russian));
        InterpreterAssigned assigned = awaitEvent(InterpreterAssigned.class,
                event -> event.interpreterId().equals(russian.getFirst()));
        assertThat(assigned.boothLanguage()).isEqualTo("ru");
    }

    @Test
    void answersARetriedBookingWithTheFirstDecision() {
        TestSession forum = fixture.session("09:00", 2, List.of("en"), List.of("fr"));
        fixture.release(forum);
        Map<String, Object> request = Map.of("sessionId", forum.sessionId(), "languages", List.of("qtz"));

        Booking first = book(request, "retry-" + fixture.conferenceId);
        Booking retried = book(request, "retry-" + fixture.conferenceId);

        assertThat(retried).isEqualTo(first);
        assertThat(requests()).containsExactly(first);
    }

    @Test
    void namesTheFieldsOfAnInvalidBooking() {
        http.post().uri("/api/conferences/{c}/interpretation/requests", fixture.conferenceId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("languages", List.of("en", "not a tag!")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("languages[1]")
                .jsonPath("$.errors[1].field").isEqualTo("sessionId");
    }

    @Test
    void answersABookingForAnUnknownSessionWithUnprocessable() {
        http.post().uri("/api/conferences/{c}/interpretation/requests", fixture.conferenceId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("sessionId", "no-such-session", "languages", List.of("fr")))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("sessionId");
    }

    private Booking book(Map<String, Object> request, String idempotencyKey) {
        return http.post().uri("/api/conferences/{c}/interpretation/requests", fixture.conferenceId)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (idempotencyKey != null) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .body(request)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Booking.class).returnResult().getResponseBody();
    }

    private List<Booking> requests() {
        return http.get().uri("/api/conferences/{c}/interpretation/requests", fixture.conferenceId).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Booking>>() {
                })
                .returnResult().getResponseBody();
    }
}
