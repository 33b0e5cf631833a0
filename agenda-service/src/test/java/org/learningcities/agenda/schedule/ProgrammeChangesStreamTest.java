package org.learningcities.agenda.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcities.agenda.SchedulingFixture.plenary;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcities.agenda.AgendaIntegrationTest;
import org.learningcities.agenda.SchedulingFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public Server-Sent Events stream of schedule releases, read as a browser's EventSource reads it. */
class ProgrammeChangesStreamTest extends AgendaIntegrationTest {

    /** The poller reads the releases table every second; a release should arrive well within this. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    RestTestClient http;
    @Autowired
    JsonMapper json;
    @LocalServerPort
    int port;

    final HttpClient client = HttpClient.newHttpClient();
    final List<Stream<String>> openStreams = new ArrayList<>();
    SchedulingFixture fixture;
    String beijing;
    String hallB;

    @BeforeEach
    void conference() {
        fixture = new SchedulingFixture(http);
        beijing = fixture.beijing2013();
        hallB = fixture.room(beijing, "Hall B", 300, 4);
    }

    @AfterEach
    void disconnect() {
        openStreams.forEach(Stream::close);
        client.close();
    }

    @Test
    void aReleaseMadeAfterConnectingArrivesAndEarlierOnesDoNot() throws Exception {
        releaseSessionAt("Opening ceremony", "2013-10-21T09:00");
        BlockingQueue<Event> events = connect(beijing, null);

        String keynote = releaseSessionAt("Keynote", "2013-10-21T11:00");

        Event event = next(events);
        assertThat(event.name()).isEqualTo("schedule-released");
        assertThat(event.id()).isEqualTo("2");
        JsonNode release = json.readTree(event.data());
        assertThat(release.get("version").asInt()).isEqualTo(2);
        assertThat(release.get("conferenceId").asString()).isEqualTo(beijing);
        assertThat(release.get("releasedAt").get("utc").asString()).isNotBlank();
        assertThat(release.get("changes")).hasSize(1);
        assertThat(release.get("changes").get(0).get("sessionId").asString()).isEqualTo(keynote);
        assertThat(release.get("changes").get(0).get("kind").asString()).isEqualTo("SCHEDULED");
    }

    @Test
    void lastEventIdReplaysTheReleasesMissedWhileAway() throws Exception {
        releaseSessionAt("Opening ceremony", "2013-10-21T09:00");
        releaseSessionAt("Keynote", "2013-10-21T11:00");
        releaseSessionAt("Regional forum", "2013-10-21T14:00");

        BlockingQueue<Event> events = connect(beijing, "1");

        assertThat(next(events).id()).isEqualTo("2");
        assertThat(next(events).id()).isEqualTo("3");
        releaseSessionAt("Closing ceremony", "2013-10-23T16:00");
        assertThat(next(events).id()).isEqualTo("4");
    }

    @Test
    void sinceReplaysLikeLastEventId() throws Exception {
        releaseSessionAt("Opening ceremony", "2013-10-21T09:00");
        releaseSessionAt("Keynote", "2013-10-21T11:00");

        BlockingQueue<Event> events = connect(URI.create(base(beijing) + "?since=0"), null);

        assertThat(next(events).id()).isEqualTo("1");
        assertThat(next(events).id()).isEqualTo("2");
    }

    @Test
    void everyOpenStreamOfTheConferenceGetsEachReleaseOnce() throws Exception {
        BlockingQueue<Event> first = connect(beijing, null);
        BlockingQueue<Event> second = connect(beijing, null);

        releaseSessionAt("Opening ceremony", "2013-10-21T09:00");
        releaseSessionAt("Keynote", "2013-10-21T11:00");

        assertThat(List.of(next(first).id(), next(first).id())).containsExactly("1", "2");
        assertThat(List.of(next(second).id(), next(second).id())).containsExactly("1", "2");
    }

    @Test
    void anIdleStreamGetsHeartbeatComments() throws Exception {
        BlockingQueue<Event> events = connect(beijing, null);

        // The tests run with a one-second heartbeat instead of fifteen.
        Event event;
        do {
            event = poll(events);
        } while (event.comment() == null);
        assertThat(event.comment()).isEqualTo("heartbeat");
    }

    @Test
    void anUnknownConferenceIsNotFound() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base("no-such-conference")))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void aLastEventIdThatIsNoVersionIsRejectedNamingTheHeader() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base(beijing)))
                .header("Accept", "text/event-stream").header("Last-Event-ID", "yesterday").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Last-Event-ID");
    }

    private String releaseSessionAt(String title, String start) {
        String end = start.substring(0, 11) + String.format("%02d", Integer.parseInt(start.substring(11, 13)) + 1)
                + start.substring(13);
        String sessionId = fixture.drafted(beijing, plenary(title, hallB, start, end));
        fixture.released(beijing);
        return sessionId;
    }

    private String base(String conferenceId) {
        return "http://localhost:" + port + "/api/conferences/" + conferenceId + "/programme/changes";
    }

    private BlockingQueue<Event> connect(String conferenceId, String lastEventId) throws IOException,
            InterruptedException {
        return connect(URI.create(base(conferenceId)), lastEventId);
    }

    /** Connects anonymously and reads the stream on a thread of its own; returns once the headers arrived. */
    private BlockingQueue<Event> connect(URI uri, String lastEventId) throws IOException, InterruptedException {
        // The timeout covers the wait for the response headers, which the service sends at once.
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(PATIENCE)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        openStreams.add(response.body());
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            Event.Builder event = new Event.Builder();
            try {
                response.body().forEach(line -> {
                    if (line.isEmpty()) {
                        events.add(event.build());
                        event.clear();
                    } else {
                        event.line(line);
                    }
                });
            } catch (RuntimeException closed) {
                // The test closed the stream.
            }
        });
        return events;
    }

    /** The next event with data, past heartbeats and the reconnection hint. */
    private static Event next(BlockingQueue<Event> events) throws InterruptedException {
        Event event;
        do {
            event = poll(events);
        } while (event.data() == null);
        return event;
    }

    private static Event poll(BlockingQueue<Event> events) throws InterruptedException {
        Event event = events.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(event).as("an event within " + PATIENCE).isNotNull();
        return event;
    }

    /** One Server-Sent Event: the lines up to a blank line. */
    record Event(String name, String id, String data, String comment) {

        static final class Builder {
            private final Map<String, StringBuilder> fields = new java.util.HashMap<>();

            void line(String line) {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                StringBuilder existing = fields.get(field);
                if (existing == null) {
                    fields.put(field, new StringBuilder(value));
                } else {
                    existing.append('\n').append(value);
                }
            }

            Event build() {
                return new Event(text("event"), text("id"), text("data"), text(""));
            }

            void clear() {
                fields.clear();
            }

            private String text(String field) {
                StringBuilder value = fields.get(field);
                return value == null ? null : value.toString();
            }
        }
    }
}
