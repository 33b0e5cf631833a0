package org.learningcities.agenda.schedule;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.learningcities.agenda.conference.ConferenceDays;
import org.learningcities.web.Problems;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Schedule releases", description = "Numbered versions of the programme, each with its changelog")
class ProgrammeChangesController {

    private final ScheduleReleasing releasing;
    private final ReleaseStreams streams;

    ProgrammeChangesController(ScheduleReleasing releasing, ReleaseStreams streams) {
        this.releasing = releasing;
        this.streams = streams;
    }

    @GetMapping(path = "/api/conferences/{conferenceId}/programme/changes",
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Follow the programme's schedule releases as they happen (Server-Sent Events)",
            description = "Public. Each release of the conference arrives as an event named schedule-released whose "
                    + "id is the release version and whose data is the release as GET schedule/releases shows it: "
                    + "version, releasedAt and the changelog. A client reconnecting with Last-Event-ID (browsers "
                    + "do this themselves) first gets the releases it missed; without it the stream starts now, "
                    + "or after the version given as since. A comment line every 15 seconds keeps proxies from "
                    + "closing an idle stream. 503 when the instance serves too many streams.",
            responses = @ApiResponse(responseCode = "200", description = "The stream",
                    content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @Schema(implementation = ReleaseResponse.class))))
    SseEmitter changes(@PathVariable String conferenceId,
                       @Parameter(description = "The last release version the client received; replays later ones")
                       @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                       @Parameter(description = "Replay releases after this version; Last-Event-ID takes precedence")
                       @RequestParam(name = "since", required = false) Integer since) {
        ConferenceDays conference = releasing.conference(conferenceId);
        Integer afterVersion = lastEventId != null ? version("Last-Event-ID", lastEventId) : since;
        if (afterVersion != null && afterVersion < 0) {
            throw Problems.invalidField(lastEventId != null ? "Last-Event-ID" : "since",
                    "must be a release version, 0 or more");
        }
        return streams.open(conference, afterVersion);
    }

    private static Integer version(String field, String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            throw Problems.invalidField(field, "must be a release version, 0 or more");
        }
    }
}
