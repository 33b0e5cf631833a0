package org.learningcities.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcities.notification.NotificationServiceTest;
import org.learningcities.notification.delivery.Channel;
import org.learningcities.notification.delivery.DeliveryOutcome;
import org.learningcities.notification.delivery.OutgoingMessage;
import org.learningcities.security.Role;
import org.learningcities.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The in-app channel and its stream over a real HTTP connection, as a browser's SSE client reads it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "notification.feed.poll-interval=100ms")
class InAppFeedStreamTest extends NotificationServiceTest {

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private InAppSender sender;
    @Autowired
    private JsonMapper json;
    @Autowired
    private PlatformTransactionManager transactions;

    private final List<EventStream> streams = new ArrayList<>();
    private HttpClient http;

    // Created once the context is up: webhooks configure the JDK client's restricted headers when they start.
    @BeforeEach
    void openClient() {
        http = HttpClient.newHttpClient();
    }

    @AfterEach
    void closeStreams() {
        streams.forEach(EventStream::close);
        http.close();
    }

    @Test
    void streamsANewInAppNotificationToTheRecipient() {
        String recipientId = newRecipient();
        EventStream stream = connected(recipientId, null);
        EventStream secondTab = connected(recipientId, null);
        UUID id = pendingInApp(recipientId);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE));
        assertThat(stream.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(stream.headers().firstValue("X-Accel-Buffering")).contains("no");

        deliver(id, "您的分论坛改至三号厅", "Forum on inclusive learning: now in Hall 3.");

        await().untilAsserted(() -> assertThat(stream.events()).singleElement().satisfies(event -> {
            assertThat(event.name()).isEqualTo("notification");
            assertThat(event.id()).isEqualTo(Long.toString(feedSequence(id)));
            JsonNode data = json.readTree(event.data());
            assertThat(data.get("id").asString()).isEqualTo(id.toString());
            assertThat(data.get("recipientId").asString()).isEqualTo(recipientId);
            assertThat(data.get("conferenceId").asString()).isEqualTo("iclc-2013");
            assertThat(data.get("template").asString()).isEqualTo("session-moved");
            assertThat(data.get("language").asString()).isEqualTo("zh");
            assertThat(data.get("title").asString()).isEqualTo("您的分论坛改至三号厅");
            assertThat(data.get("body").asString()).isEqualTo("Forum on inclusive learning: now in Hall 3.");
            assertThat(data.get("critical").asBoolean()).isTrue();
            assertThat(data.get("createdAt").asString()).isNotBlank();
            assertThat(data.properties()).hasSize(9);
        }));
        await().untilAsserted(() -> assertThat(secondTab.events()).extracting(EventStream.Event::id)
                .containsExactly(Long.toString(feedSequence(id))));
    }

    @Test
    void doesNotStreamOtherRecipientsNotifications() {
        String recipientId = newRecipient();
        String otherRecipientId = newRecipient();
        EventStream stream = connected(recipientId, null);
        EventStream otherStream = connected(otherRecipientId, null);
        UUID theirs = pendingInApp(otherRecipientId);
        UUID mine = pendingInApp(recipientId);

        deliver(theirs, "Not for you", "Someone else's message.");
        deliver(mine, "For you", "Your message.");

        await().untilAsserted(() -> assertThat(otherStream.events()).hasSize(1));
        await().untilAsserted(() -> assertThat(stream.events()).extracting(EventStream.Event::id)
                .containsExactly(Long.toString(feedSequence(mine))));
    }

    @Test
    void replaysMissedNotificationsAfterLastEventId() {
        String recipientId = newRecipient();
        UUID seen = pendingInApp(recipientId);
        UUID missedFirst = pendingInApp(recipientId);
        UUID missedSecond = pendingInApp(recipientId);
        deliver(seen, "Seen", "Already shown before the client went offline.");
        deliver(missedFirst, "Missed 1", "Delivered while offline.");
        deliver(missedSecond, "Missed 2", "Delivered while offline too.");

        EventStream stream = connected(recipientId, Long.toString(feedSequence(seen)));
        UUID live = pendingInApp(recipientId);
        deliver(live, "Live", "Delivered after the reconnection.");

        await().untilAsserted(() -> assertThat(stream.events()).extracting(EventStream.Event::id).containsExactly(
                Long.toString(feedSequence(missedFirst)), Long.toString(feedSequence(missedSecond)),
                Long.toString(feedSequence(live))));
    }

    @Test
    void deliversARowWhoseTransactionCommittedAfterALaterOne() {
        String recipientId = newRecipient();
        EventStream stream = connected(recipientId, null);
        UUID first = pendingInApp(recipientId);
        UUID second = pendingInApp(recipientId);
        TransactionTemplate transactionA = new TransactionTemplate(transactions);
        TransactionTemplate transactionB = new TransactionTemplate(transactions);
        transactionB.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        transactionA.executeWithoutResult(a -> {
            sender.send(message(first, "First", "Delivered by the transaction that commits last."));
            transactionB.executeWithoutResult(b ->
                    sender.send(message(second, "Second", "Delivered and committed while the first is open.")));
            // Read through transaction A's connection, which sees its own uncommitted row.
            assertThat(feedSequence(second)).isGreaterThan(feedSequence(first));

            // Streaming the second now would move the feed past the first, whose number is lower: it is held back.
            await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                    .until(() -> stream.events().isEmpty());
        });

        await().untilAsserted(() -> assertThat(stream.events()).extracting(EventStream.Event::id).containsExactly(
                Long.toString(feedSequence(first)), Long.toString(feedSequence(second))));
    }

    @Test
    void replaysARowNumberedBeforeTheLastEventIdThatCommittedAfterIt() {
        String recipientId = newRecipient();
        EventStream firstConnection = connected(recipientId, null);
        EventStream otherDevice = connected(recipientId, null);
        UUID late = pendingInApp(recipientId);
        UUID early = pendingInApp(recipientId);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CompletableFuture<Void> earlyHasItsTransactionId = new CompletableFuture<>();
        CompletableFuture<Void> lateHasItsNumber = new CompletableFuture<>();

        // As two dispatchers may: the early row's transaction claims first and numbers its row last, then commits first.
        CompletableFuture<Void> earlyTransaction = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(
                status -> {
                    jdbc.sql("select pg_current_xact_id()::text").query(String.class).single();
                    earlyHasItsTransactionId.complete(null);
                    lateHasItsNumber.join();
                    sender.send(message(early, "Early", "Committed first, with the higher number."));
                }));
        transaction.executeWithoutResult(status -> {
            earlyHasItsTransactionId.join();
            sender.send(message(late, "Late", "Numbered first, committed last."));
            lateHasItsNumber.complete(null);
            earlyTransaction.join();
            assertThat(feedSequence(late)).isLessThan(feedSequence(early));
            await().untilAsserted(() -> assertThat(firstConnection.events()).extracting(EventStream.Event::id)
                    .containsExactly(Long.toString(feedSequence(early))));
            firstConnection.close();
        });

        // Once the live stream is past the late row, only the replay can bring it to the reconnecting client.
        await().untilAsserted(() -> assertThat(otherDevice.events()).extracting(EventStream.Event::id)
                .containsExactly(Long.toString(feedSequence(early)), Long.toString(feedSequence(late))));
        EventStream resumed = connected(recipientId, Long.toString(feedSequence(early)));

        await().untilAsserted(() -> assertThat(resumed.events()).extracting(EventStream.Event::id)
                .containsExactly(Long.toString(feedSequence(late))));
    }

    @Test
    void interpreterFollowsTheirOwnFeed() {
        String interpreterId = newRecipient();
        EventStream stream = connected(interpreterId, Role.INTERPRETER, null);
        UUID id = pendingInApp(interpreterId);

        deliver(id, "Session moved", "The opening plenary is now in Hall 3.");

        await().untilAsserted(() -> assertThat(stream.events()).extracting(EventStream.Event::id)
                .containsExactly(Long.toString(feedSequence(id))));
    }

    @Test
    void delegateCannotOpenAnotherDelegatesFeed() {
        String recipientId = newRecipient();
        UUID waiting = pendingInApp(recipientId);
        deliver(waiting, "Not for you", "Someone else's message.");

        EventStream intruder = EventStream.open(http,
                URI.create("http://127.0.0.1:" + port + "/api/notifications/stream?recipientId=" + recipientId),
                TestTokens.bearer(accountOf(newRecipient()), Role.DELEGATE), "0");
        streams.add(intruder);

        await().until(() -> intruder.status() != 0);
        assertThat(intruder.status()).isEqualTo(HttpStatus.FORBIDDEN.value());
        assertThat(intruder.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        await().untilAsserted(() -> assertThat(String.join("\n", intruder.lines())).contains("\"status\":403"));
        assertThat(intruder.comments()).isEmpty();
        assertThat(intruder.events()).isEmpty();
    }

    @Test
    void refusesAStreamWithoutRecipientId() {
        String delegate = TestTokens.bearer("acct-" + UUID.randomUUID(), Role.DELEGATE);
        for (var request : List.of(mvc.get().uri("/api/notifications/stream").header("Authorization", delegate),
                mvc.get().uri("/api/notifications/stream").param("recipientId", " ").header("Authorization", delegate),
                mvc.get().uri("/api/notifications/stream").accept(MediaType.TEXT_EVENT_STREAM)
                        .header("Authorization", delegate))) {
            assertThat(request)
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson()
                    .hasPathSatisfying("$.errors[0].field",
                            field -> assertThat(field).asString().isEqualTo("recipientId"));
        }
    }

    /** A stream the server has registered: it greets every new stream with a comment. */
    private EventStream connected(String recipientId, String lastEventId) {
        return connected(recipientId, Role.DELEGATE, lastEventId);
    }

    /** A stream opened by the account linked to the recipient, with the given role. */
    private EventStream connected(String recipientId, Role role, String lastEventId) {
        EventStream stream = EventStream.open(http,
                URI.create("http://127.0.0.1:" + port + "/api/notifications/stream?recipientId=" + recipientId),
                TestTokens.bearer(accountOf(recipientId), role), lastEventId);
        streams.add(stream);
        await().until(() -> stream.comments().contains("connected"));
        return stream;
    }

    /** A recipient whose own account acts for them (a delegate registered themselves, an interpreter's roster entry). */
    private String newRecipient() {
        String recipientId = "reg-" + UUID.randomUUID();
        jdbc.sql("insert into recipient_account (recipient_id, account_id) values (?, ?)")
                .params(recipientId, accountOf(recipientId))
                .update();
        return recipientId;
    }

    private static String accountOf(String recipientId) {
        return "acct-" + recipientId;
    }

    /**
     * A queued in-app notification, as the event handlers write it. Not due for a day, so that the dispatcher
     * leaves it to the test.
     */
    private UUID pendingInApp(String recipientId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into notification (id, event_id, recipient_id, recipient_kind, conference_id, channel, template,
                                          language, status, critical, next_attempt_at)
                values (?, ?, ?, 'DELEGATE', 'iclc-2013', 'IN_APP', 'session-moved', 'zh', 'PENDING', true,
                        now() + interval '1 day')""")
                .params(id, UUID.randomUUID().toString(), recipientId)
                .update();
        return id;
    }

    private void deliver(UUID id, String title, String body) {
        DeliveryOutcome outcome = new TransactionTemplate(transactions)
                .execute(status -> sender.send(message(id, title, body)));
        assertThat(outcome).isEqualTo(new DeliveryOutcome.Delivered("in-app", null));
    }

    private static OutgoingMessage message(UUID id, String title, String body) {
        return new OutgoingMessage(id, Channel.IN_APP, "reg-x", "Li Wei", null, null, "zh", title, body, title,
                List.of(), true);
    }

    private long feedSequence(UUID id) {
        return jdbc.sql("select feed_sequence from notification where id = ?").param(id).query(Long.class).single();
    }
}
