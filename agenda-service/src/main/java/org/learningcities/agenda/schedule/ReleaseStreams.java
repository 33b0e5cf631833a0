package org.learningcities.agenda.schedule;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.learningcities.agenda.conference.ConferenceDays;
import org.learningcities.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open programme streams of this instance, fed by one poller that reads new schedule releases of every
 * watched conference from the database in a single query. Reading the table rather than listening to this
 * instance's own releases means a stream sees releases made through any instance; one shared poll keeps a
 * thousand open streams as cheap as one. Each stream remembers the last version it was sent, so a release is
 * sent to it exactly once, replayed ones included.
 *
 * <p>Streams end when the application stops, before the web server's graceful shutdown, which would otherwise
 * wait for them; clients reconnect with Last-Event-ID, to another instance if need be.
 */
@Component
class ReleaseStreams implements SmartLifecycle {

    static final String EVENT_NAME = "schedule-released";
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(3);

    private static final Logger log = LoggerFactory.getLogger(ReleaseStreams.class);

    private final ScheduleReleases releases;
    private final int maxStreams;
    private final Duration pollInterval;
    private final Duration heartbeatInterval;
    /** Guarded by {@code this}; present while running. */
    private ScheduledExecutorService poller;
    /** Guarded by {@code this}. */
    private final Map<String, WatchedConference> watched = new HashMap<>();
    /** Guarded by {@code this}. */
    private int open;

    ReleaseStreams(ScheduleReleases releases,
                   @Value("${agenda.programme-changes.max-streams:1000}") int maxStreams,
                   @Value("${agenda.programme-changes.poll-interval:1s}") Duration pollInterval,
                   @Value("${agenda.programme-changes.heartbeat-interval:15s}") Duration heartbeatInterval) {
        this.releases = releases;
        this.maxStreams = maxStreams;
        this.pollInterval = pollInterval;
        this.heartbeatInterval = heartbeatInterval;
    }

    @Override
    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("programme-stream-poller").daemon().factory());
        poller.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        poller.scheduleAtFixedRate(this::heartbeat, heartbeatInterval.toMillis(), heartbeatInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        List<Stream> all = new ArrayList<>();
        synchronized (this) {
            if (poller == null) {
                return;
            }
            poller.shutdownNow();
            poller = null;
            watched.values().forEach(watching -> all.addAll(watching.streams));
        }
        all.forEach(stream -> stream.emitter.complete());
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    /**
     * A stream of the conference's releases after {@code afterVersion}, those already made first; with no
     * version, of the releases from now on.
     */
    synchronized SseEmitter open(ConferenceDays conference, Integer afterVersion) {
        if (poller == null) {
            throw Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Not streaming",
                    "This instance is starting or stopping; reconnect in a moment.", Map.of());
        }
        if (open >= maxStreams) {
            throw Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Too many programme streams",
                    "This instance serves " + maxStreams + " programme streams already; reconnect in a while.",
                    Map.of());
        }
        String conferenceId = conference.conferenceId();
        // Never times out on its own: the heartbeat finds clients that went away.
        Stream stream = new Stream(new SseEmitter(0L),
                afterVersion == null ? releases.latestVersion(conferenceId) : afterVersion);
        // Something to send at once commits the response, so the client knows it is connected before any
        // release; the retry hint tells EventSource how soon to reconnect when a stream ends.
        stream.send(() -> SseEmitter.event().reconnectTime(RECONNECT_AFTER.toMillis()));
        if (afterVersion != null) {
            // Sent before the handler returns, these wait in the emitter and go out first.
            for (ScheduleRelease missed : releases.after(Map.of(conferenceId, afterVersion))) {
                stream.lastVersion = missed.version();
                stream.send(event(missed, conference));
            }
        }
        WatchedConference watching = watched.computeIfAbsent(conferenceId,
                id -> new WatchedConference(conference, stream.lastVersion));
        watching.polledVersion = Math.min(watching.polledVersion, stream.lastVersion);
        watching.streams.add(stream);
        open++;
        stream.emitter.onCompletion(() -> close(conferenceId, stream));
        stream.emitter.onError(failure -> close(conferenceId, stream));
        return stream.emitter;
    }

    private synchronized void close(String conferenceId, Stream stream) {
        WatchedConference watching = watched.get(conferenceId);
        if (watching != null && watching.streams.remove(stream)) {
            open--;
            if (watching.streams.isEmpty()) {
                watched.remove(conferenceId);
            }
        }
    }

    /** Sends happen outside the lock, so a slow client does not hold up streams opening meanwhile. */
    void poll() {
        List<Runnable> sends = new ArrayList<>();
        try {
            synchronized (this) {
                if (watched.isEmpty()) {
                    return;
                }
                Map<String, Integer> polledVersions = new HashMap<>();
                watched.forEach((conferenceId, watching) -> polledVersions.put(conferenceId, watching.polledVersion));
                for (ScheduleRelease release : releases.after(polledVersions)) {
                    WatchedConference watching = watched.get(release.conferenceId());
                    watching.polledVersion = Math.max(watching.polledVersion, release.version());
                    for (Stream stream : watching.streams) {
                        if (release.version() > stream.lastVersion) {
                            stream.lastVersion = release.version();
                            sends.add(() -> stream.send(event(release, watching.conference)));
                        }
                    }
                }
            }
        } catch (RuntimeException failure) {
            // A failed poll must not end the schedule; the next one reads from the same versions again.
            log.warn("Could not read new schedule releases for the programme streams", failure);
            return;
        }
        sends.forEach(Runnable::run);
    }

    /** A comment line every so often keeps proxies from closing an idle stream and finds departed clients. */
    void heartbeat() {
        // Stream.send swallows every failure: an exception escaping here would end the heartbeat for good.
        List<Stream> all = new ArrayList<>();
        synchronized (this) {
            watched.values().forEach(watching -> all.addAll(watching.streams));
        }
        all.forEach(stream -> stream.send(() -> SseEmitter.event().comment("heartbeat")));
    }

    private static Supplier<SseEmitter.SseEventBuilder> event(ScheduleRelease release, ConferenceDays conference) {
        return () -> SseEmitter.event()
                .name(EVENT_NAME)
                .id(Integer.toString(release.version()))
                .data(ReleaseResponse.of(release, conference), MediaType.APPLICATION_JSON);
    }

    private static final class WatchedConference {
        private final ConferenceDays conference;
        private final List<Stream> streams = new ArrayList<>();
        /** Every release up to this version has been handed to the streams that wanted it. */
        private int polledVersion;

        private WatchedConference(ConferenceDays conference, int polledVersion) {
            this.conference = conference;
            this.polledVersion = polledVersion;
        }
    }

    private static final class Stream {
        private final SseEmitter emitter;
        /** The last version sent or meant to be sent; guarded by the enclosing instance. */
        private int lastVersion;

        private Stream(SseEmitter emitter, int lastVersion) {
            this.emitter = emitter;
            this.lastVersion = lastVersion;
        }

        /**
         * An event builder serves one send only, hence the supplier. Never throws: it runs on the shared poller,
         * whose scheduled tasks would stop for every stream after one exception.
         */
        private void send(Supplier<SseEmitter.SseEventBuilder> event) {
            try {
                emitter.send(event.get());
            } catch (IOException | RuntimeException gone) {
                // The client left or the stream was completed; completing runs the removal callback.
                try {
                    emitter.completeWithError(gone);
                } catch (RuntimeException alreadyCompleted) {
                    log.debug("Programme stream already completed", alreadyCompleted);
                }
            }
        }
    }
}
