package org.learningcities.agenda.conference;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.learningcities.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/conferences")
@Tag(name = "Conferences", description = "Conference editions: venue, time zone, languages, registration window")
class ConferenceController {

    private final ConferenceScheduling scheduling;
    private final Conferences conferences;

    ConferenceController(ConferenceScheduling scheduling, Conferences conferences) {
        this.scheduling = scheduling;
        this.conferences = conferences;
    }

    @PostMapping
    @Operation(summary = "Create a conference edition",
            description = "Registration opens and closes are local date-times in the conference's time zone; "
                    + "the response gives each both locally and in UTC. Other services learn of the conference "
                    + "through a ConferenceScheduled event on agenda.conferences.v1.")
    ResponseEntity<ConferenceResponse> create(@Valid @RequestBody ConferenceRequest request) {
        Conference conference = scheduling.schedule(request);
        // A path-only Location stays right behind the gateway, which serves the same paths on another host.
        return ResponseEntity.created(URI.create("/api/conferences/" + conference.id()))
                .body(ConferenceResponse.of(conference));
    }

    @GetMapping
    @Operation(summary = "List conference editions, earliest first")
    List<ConferenceResponse> list() {
        return conferences.allByStartDate().stream().map(ConferenceResponse::of).toList();
    }

    @GetMapping("/{conferenceId}")
    @Operation(summary = "One conference edition")
    ConferenceResponse get(@PathVariable String conferenceId) {
        return conferences.find(conferenceId)
                .map(ConferenceResponse::of)
                .orElseThrow(() -> Problems.notFound("Conference", conferenceId));
    }
}
