package org.learningcities.notification.feed;

import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "In-app feed", description = "A recipient's in-app notifications as server-sent events")
class FeedStreamController {

    private final InAppFeed feed;
    private final Duration streamTimeout;

    FeedStreamController(InAppFeed feed, @Value("${notification.feed.stream-timeout:30m}") Duration streamTimeout) {
        this.feed = feed;
        this.streamTimeout = streamTimeout;
    }

    // A literal path: Spring MVC prefers it to DeliveryLogController's /api/notifications/{notificationId}.
    @GetMapping(path = "/api/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Stream a recipient's in-app notifications",
            description = "Each notification is an event named 'notification' whose id is its feed position. "
                    + "A client that reconnects with Last-Event-ID first receives what it missed. The stream ends "
                    + "after the stream timeout; clients reconnect. Like every request it needs the Authorization "
                    + "header, which a browser's EventSource cannot send: front ends use a fetch-based SSE client. "
                    + "Tokens in the URL are not accepted. Only the recipient's own linked accounts may open it.")
    ResponseEntity<SseEmitter> stream(
            @Parameter(required = true, description = "Registration id of the delegate, or the interpreter id")
            @RequestParam(required = false) @NotBlank String recipientId,
            @Parameter(description = "The id of the last event received, to resume after it")
            @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
        SseEmitter emitter = new SseEmitter(streamTimeout.toMillis());
        feed.open(recipientId, emitter, lastEventId);
        // Neither a cache nor a buffering proxy (nginx) may hold the events back.
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }
}
