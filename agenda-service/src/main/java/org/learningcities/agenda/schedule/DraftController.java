package org.learningcities.agenda.schedule;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/conferences/{conferenceId}/sessions")
@Tag(name = "Programme drafting", description = "The secretariat's draft of the programme; released as schedule versions")
class DraftController {

    private final SessionDrafting drafting;

    DraftController(SessionDrafting drafting) {
        this.drafting = drafting;
    }

    @PostMapping
    @Operation(summary = "Draft a session",
            description = "start and end are local date-times in the conference's time zone, within its days; a "
                    + "time the clocks skip is refused. A room booked twice or a speaker in two places at once is "
                    + "refused with 409 naming the other session. Delegates see the session after the next release.")
    ResponseEntity<DraftView> draft(@PathVariable String conferenceId, @Valid @RequestBody SessionRequest request) {
        DraftView session = drafting.draft(conferenceId, request);
        return ResponseEntity.created(URI.create("/api/conferences/" + conferenceId + "/sessions/" + session.id()))
                .body(session);
    }

    @PatchMapping("/{sessionId}")
    @Operation(summary = "Move, relocate, retitle, change or cancel a session (a draft change until released)",
            description = "Only the fields given change; the result is checked like a new session. "
                    + "{\"cancelled\": true, \"cancellationReason\": \"…\"} cancels; a cancelled session holds no room "
                    + "or speaker.")
    DraftView change(@PathVariable String conferenceId, @PathVariable String sessionId,
                     @Valid @RequestBody SessionChanges changes) {
        return drafting.change(conferenceId, sessionId, changes);
    }

    @GetMapping("/drafts")
    @Operation(summary = "The draft programme with the changes the next release would announce")
    List<DraftView> drafts(@PathVariable String conferenceId) {
        return drafting.drafts(conferenceId);
    }
}
