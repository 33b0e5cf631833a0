package org.learningcities.interpretation.assignments;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.learningcities.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Interpretation requests", description = "Organisers book interpretation for a session")
class BookingController {

    private final Bookings bookings;

    BookingController(Bookings bookings) {
        this.bookings = bookings;
    }

    @PostMapping("/api/conferences/{conferenceId}/interpretation/requests")
    @Operation(summary = "Book interpretation for a session",
            description = "Decided at once. 201 with status CONFIRMED: the languages join the session's booths and "
                    + "the conference is re-planned within seconds (see the coverage). 201 with status UNFULFILLABLE "
                    + "and the reasons when the session's room has too few booths, the session is cancelled or nobody "
                    + "on the roster works into a language. 422 for a session the conference has not released. A "
                    + "retry with the same Idempotency-Key answers the first decision instead of booking twice.")
    ResponseEntity<Booking> book(
            @PathVariable String conferenceId,
            @Valid @RequestBody BookingRequest request,
            @Parameter(description = "Client-chosen key, unique per booking attempt (e.g. a UUID)")
            @RequestHeader(name = "Idempotency-Key", required = false)
            @Pattern(regexp = "[\\x21-\\x7E]{1,255}", message = "must be 1 to 255 visible ASCII characters")
            String idempotencyKey) {
        Bookings.Outcome outcome = bookings.book(conferenceId, request, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/conferences/" + conferenceId + "/interpretation/requests/"
                        + outcome.booking().requestId()))
                .header("Idempotent-Replayed", Boolean.toString(outcome.replayed()))
                .body(outcome.booking());
    }

    @GetMapping("/api/conferences/{conferenceId}/interpretation/requests")
    @Operation(summary = "A conference's interpretation requests",
            description = "Oldest first, with status and reasons.")
    List<Booking> list(@PathVariable String conferenceId) {
        return bookings.list(conferenceId);
    }

    @GetMapping("/api/conferences/{conferenceId}/interpretation/requests/{requestId}")
    @Operation(summary = "One interpretation request")
    Booking one(@PathVariable String conferenceId, @PathVariable String requestId) {
        return bookings.find(conferenceId, requestId)
                .orElseThrow(() -> Problems.notFound("Interpretation request", requestId));
    }
}
