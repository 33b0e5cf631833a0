package org.learningcities.platform.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** {@code inbox_duplicates_skipped_total} of one consumer, read from the service's Prometheus endpoint. */
final class InboxMetrics {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private InboxMetrics() {
    }

    static double duplicatesSkipped(URI service, String consumer) throws IOException, InterruptedException {
        String scrape = HTTP.send(HttpRequest.newBuilder(service.resolve("/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return scrape.lines()
                .filter(line -> line.startsWith("inbox_duplicates_skipped_total{")
                        && line.contains("consumer=\"" + consumer + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
