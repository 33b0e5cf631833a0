package org.learningcities.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmsSinkTest {

    private static final String OFFER = """
            {"to": "+8613800138000", "from": "ICLC2013", "text": "学习型城市: a place is yours until 20 Oct.",
             "reference": "5f0c6a52-8d4e-4f57-9a53-0d6f7f1b2c3a"}""";

    @TempDir
    Path dataDirectory;

    private final HttpClient http = HttpClient.newHttpClient();
    private SmsSink sink;

    @BeforeEach
    void startSink() {
        sink = new SmsSink(new FreePorts().any(), dataDirectory.resolve("sms").resolve("messages.jsonl"));
        sink.start();
    }

    @AfterEach
    void stopSink() {
        sink.stop();
    }

    @Test
    void recordsAndLogsATextPostedWithTheProviderApiAndAnswersItsId() throws Exception {
        HttpResponse<String> response;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream standardError = System.err;
        // slf4j-simple writes to whatever System.err is at the time, unless told otherwise.
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            response = post(OFFER, "Bearer " + SmsSink.TOKEN, "5f0c6a52");
        } finally {
            System.setErr(standardError);
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("SMS to +8613800138000: 学习型城市: a place is yours until 20 Oct.");
        String id = JsonPath.read(response.body(), "$.id");
        List<String> lines = Files.readAllLines(sink.messagesFile());
        assertThat(lines).hasSize(1);
        assertThat(JsonPath.<String>read(lines.getFirst(), "$.id")).isEqualTo(id);
        assertThat(JsonPath.<String>read(lines.getFirst(), "$.to")).isEqualTo("+8613800138000");
        assertThat(JsonPath.<String>read(lines.getFirst(), "$.from")).isEqualTo("ICLC2013");
        assertThat(JsonPath.<String>read(lines.getFirst(), "$.text")).isEqualTo("学习型城市: a place is yours until 20 Oct.");
        assertThat(JsonPath.<String>read(lines.getFirst(), "$.reference")).isEqualTo("5f0c6a52-8d4e-4f57-9a53-0d6f7f1b2c3a");
    }

    @Test
    void recordsARetryWithTheSameIdempotencyKeyOnceAndAnswersTheSameId() throws Exception {
        String first = post(OFFER, "Bearer " + SmsSink.TOKEN, "5f0c6a52").body();
        String retry = post(OFFER, "Bearer " + SmsSink.TOKEN, "5f0c6a52").body();

        assertThat(retry).isEqualTo(first);
        assertThat(Files.readAllLines(sink.messagesFile())).hasSize(1);
    }

    @Test
    void refusesARequestWithoutTheBearerTokenAndRecordsNothing() throws Exception {
        assertThat(post(OFFER, null, "5f0c6a52").statusCode()).isEqualTo(401);
        assertThat(post(OFFER, "Bearer guessed", "5f0c6a53").statusCode()).isEqualTo(401);

        assertThat(sink.messagesFile()).doesNotExist();
    }

    @Test
    void refusesAMessageWithoutRecipientOrText() throws Exception {
        HttpResponse<String> response = post("{\"text\": \"no number\"}", "Bearer " + SmsSink.TOKEN, "5f0c6a54");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(sink.messagesFile()).doesNotExist();
    }

    private HttpResponse<String> post(String json, String authorization, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(sink.url())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
