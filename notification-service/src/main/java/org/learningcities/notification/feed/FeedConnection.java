package org.learningcities.notification.feed;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream of one recipient. Replay and live pushes are serialized on it. A resumed stream is not pushed
 * what the client had before it reconnected, nor again what the replay sent, when the poller reaches them.
 */
final class FeedConnection {

    private final String recipientId;
    private final SseEmitter emitter;
    private final Set<Long> replayed = new HashSet<>();
    private FeedRows.Position lastSeen;

    FeedConnection(String recipientId, SseEmitter emitter) {
        this.recipientId = recipientId;
        this.emitter = emitter;
    }

    String recipientId() {
        return recipientId;
    }

    SseEmitter emitter() {
        return emitter;
    }

    /** Sends the entries a reconnecting client missed; returns false when the client has gone. */
    synchronized boolean replay(FeedRows.Replay replay) {
        lastSeen = replay.lastSeen();
        for (FeedEntry entry : replay.missed()) {
            if (!send(entry)) {
                return false;
            }
            replayed.add(entry.sequence());
        }
        return true;
    }

    /** Returns false when the client has gone. */
    synchronized boolean push(FeedEntry entry) {
        if (lastSeen != null && lastSeen.covers(entry) || replayed.remove(entry.sequence())) {
            return true;
        }
        return send(entry);
    }

    /** A comment line: ignored by clients, but keeps proxies from closing an idle stream and finds dead clients. */
    synchronized boolean comment(String text) {
        return send(SseEmitter.event().comment(text));
    }

    private boolean send(FeedEntry entry) {
        return send(SseEmitter.event()
                .id(Long.toString(entry.sequence()))
                .name("notification")
                .data(entry, MediaType.APPLICATION_JSON));
    }

    private boolean send(SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
            return false;
        }
    }
}
