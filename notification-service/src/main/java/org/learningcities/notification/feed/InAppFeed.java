package org.learningcities.notification.feed;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open in-app streams of this instance, fed by one poller that reads newly delivered in-app notifications
 * from the database. Each instance polls for itself, so a notification delivered by any instance reaches the
 * recipient's streams on every instance.
 *
 * <p>Why by transaction id and not by feed sequence: sequence numbers are taken when a row is delivered, but
 * transactions commit in any order, so a row with a lower number can become visible after one with a higher
 * number; a reader that went on from the highest number it had seen would skip it for good. Instead each read
 * takes the horizon {@code pg_snapshot_xmin(pg_current_snapshot())}, the oldest transaction still running: every
 * transaction below it has ended, so its rows are final. A read returns the rows written by transactions from the
 * previous horizon up to this one, and the next read starts at this horizon. A long transaction holds the feed
 * back while it runs, but never makes it skip a row. The horizon starts at the current one when the service starts:
 * a client catches up on older rows by reconnecting with {@code Last-Event-ID}.
 */
@Component
class InAppFeed implements SmartLifecycle {

    private final FeedRows rows;
    private final Map<String, Set<FeedConnection>> connections = new ConcurrentHashMap<>();
    private volatile String horizon;
    private volatile boolean running;

    InAppFeed(FeedRows rows) {
        this.rows = rows;
        this.horizon = rows.currentHorizon();
    }

    /**
     * Opens a recipient's stream. It is registered before the replay reads, so an entry committed meanwhile is
     * either replayed or pushed (once, see {@link FeedConnection}), never lost; the lock makes a push wait for
     * the replay, so the replay comes first.
     */
    void open(String recipientId, SseEmitter emitter, Long lastEventId) {
        FeedConnection connection = new FeedConnection(recipientId, emitter);
        emitter.onCompletion(() -> close(connection));
        emitter.onTimeout(emitter::complete);
        emitter.onError(failure -> close(connection));
        synchronized (connection) {
            connections.computeIfAbsent(recipientId, id -> ConcurrentHashMap.newKeySet()).add(connection);
            // Checked after registering: a stop either ends this stream or has begun before this check.
            if (!running) {
                emitter.complete();
                return;
            }
            // Tells the client at once that the stream is live, and pushes the headers through buffering proxies.
            boolean live = connection.comment("connected")
                    && (lastEventId == null || connection.replay(rows.missedAfter(recipientId, lastEventId)));
            if (!live) {
                close(connection);
            }
        }
    }

    @Scheduled(fixedDelayString = "${notification.feed.poll-interval:250ms}")
    void pushNewEntries() {
        if (!running) {
            return;
        }
        FeedRows.Window window = rows.readWindow(horizon);
        for (FeedEntry entry : window.entries()) {
            for (FeedConnection connection : connectionsOf(entry.recipientId())) {
                if (!connection.push(entry)) {
                    close(connection);
                }
            }
        }
        horizon = window.horizon();
    }

    @Scheduled(fixedRateString = "${notification.feed.heartbeat-interval:15s}",
            initialDelayString = "${notification.feed.heartbeat-interval:15s}")
    void sendHeartbeats() {
        connections.values().forEach(open -> open.forEach(connection -> {
            if (!connection.comment("heartbeat")) {
                close(connection);
            }
        }));
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream before the web server's graceful shutdown, which would otherwise wait for them until
     * its timeout, and refuses new ones from then on. Clients reconnect with Last-Event-ID, to another instance
     * or to this one when it is back.
     */
    @Override
    public void stop() {
        running = false;
        connections.values().forEach(open -> open.forEach(connection -> connection.emitter().complete()));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private List<FeedConnection> connectionsOf(String recipientId) {
        return List.copyOf(connections.getOrDefault(recipientId, Set.of()));
    }

    private void close(FeedConnection connection) {
        connections.computeIfPresent(connection.recipientId(), (id, open) -> {
            open.remove(connection);
            return open.isEmpty() ? null : open;
        });
    }
}
