package org.learningcities.notification.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

/**
 * A real HTTP client reading a server-sent-events stream line by line, as a browser's EventSource would.
 * Collects comments and events as they arrive.
 */
final class EventStream implements AutoCloseable, Flow.Subscriber<String> {

    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<String> data = new ArrayList<>();
    private volatile Flow.Subscription subscription;
    private volatile HttpHeaders headers;
    private volatile int status;

    private EventStream() {
    }

    /**
     * Opens the stream with an Authorization header, as the front ends' fetch-based SSE client sends it (a browser's
     * EventSource cannot send headers, and tokens never go in the URL).
     */
    static EventStream open(HttpClient http, URI uri, String authorization, String lastEventId) {
        EventStream stream = new EventStream();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Authorization", authorization).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        http.sendAsync(request.build(), response -> {
            stream.headers = response.headers();
            stream.status = response.statusCode();
            return HttpResponse.BodySubscribers.fromLineSubscriber(stream);
        });
        return stream;
    }

    /** The response headers, once they arrived. */
    HttpHeaders headers() {
        return headers;
    }

    /** The response status, 0 until the response arrived. */
    int status() {
        return status;
    }

    /** Every line of the body so far, for a response that is not a stream (an error's problem+json). */
    List<String> lines() {
        return List.copyOf(lines);
    }

    List<String> comments() {
        return List.copyOf(comments);
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    /** The SSE format: "field: value" lines, ":" starts a comment, a blank line ends an event. */
    @Override
    public void onNext(String line) {
        lines.add(line);
        if (line.isEmpty()) {
            if (!data.isEmpty()) {
                events.add(new Event(fields.get("id"), fields.get("event"), String.join("\n", data)));
            }
            fields.clear();
            data.clear();
        } else if (line.startsWith(":")) {
            comments.add(line.substring(1).strip());
        } else {
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
            if (field.equals("data")) {
                data.add(value);
            } else {
                fields.put(field, value);
            }
        }
    }

    @Override
    public void onError(Throwable failure) {
    }

    @Override
    public void onComplete() {
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.cancel();
        }
    }

    record Event(String id, String name, String data) {
    }
}
