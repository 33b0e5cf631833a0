package org.learningcities.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;
import org.learningcities.platform.LocalPlatform;
import org.learningcities.platform.PlatformService;
import org.learningcities.platform.TcpProxy;
import org.learningcities.platform.faults.ExactlyOnceCheck.MailRepeats;
import org.learningcities.platform.faults.RegistrationBurst.Registration;

/**
 * Faults of one platform with a single Kafka broker, injected one after another in the middle of a burst of
 * registrations through the gateway. Every scenario opens its own conference, so its burst is checked on its own
 * (see {@link ExactlyOnceCheck}), and leaves the platform healthy for the next: one platform start (about a minute
 * on two cores) serves them all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleBrokerFaultsIT {

    private static final int REGISTRATIONS = 300;
    private static final int PER_SECOND = 50;
    /** Room for every burst, so no delegate is waitlisted and all take the same path. */
    private static final int CAPACITY = 5_000;
    /** The share of a burst sent before the fault strikes. */
    private static final double FAULT_AT = 0.3;

    private LocalPlatform platform;
    private GatewayApi api;

    @BeforeAll
    void startPlatform() throws IOException, InterruptedException {
        // The producer with the outbox: its link to the broker is the one the network scenario disturbs.
        platform = FaultTests.startPlatform("faults-",
                options -> options.kafkaThroughProxy(PlatformService.REGISTRATION));
        api = new GatewayApi(platform);
        api.warmUp();
    }

    @AfterAll
    void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    /** The same burst without a fault: tells the retries a fault causes from those the load alone causes. */
    @Test
    @Order(0)
    void deliversEveryRegistrationOnceWithoutAFault() throws Exception {
        burstWith("no fault (baseline)", MailRepeats.FORBIDDEN, () -> "none");
    }

    @Test
    @Tag(FaultTests.LONG)
    @Order(1)
    void deliversEveryRegistrationOnceWhenTheBrokerIsStoppedFor30SecondsDuringABurst() throws Exception {
        burstWith("broker stopped for 30 s", MailRepeats.FORBIDDEN, () -> {
            Duration down = timed(() -> {
                platform.kafkaBroker().stop();
                Thread.sleep(Duration.ofSeconds(30));
            });
            Duration restart = timed(() -> platform.kafkaBroker().start());
            return "broker stopped and down " + FaultReport.seconds(down) + ", restarted in " + FaultReport.seconds(restart);
        });
    }

    @Test
    @Order(2)
    void deliversEveryRegistrationOnceWhenPostgresRestartsDuringABurst() throws Exception {
        burstWith("PostgreSQL restarted", MailRepeats.SAME_NOTIFICATION_TOLERATED, () -> {
            Duration down = timed(() -> {
                platform.postgres().stop();
                platform.postgres().start();
            });
            return "PostgreSQL stopped (fast shutdown) and started again in " + FaultReport.seconds(down);
        });
    }

    @Test
    @Order(3)
    void deliversEveryRegistrationOnceWhenPostgresIsKilledDuringABurstAndRecovers() throws Exception {
        burstWith("PostgreSQL killed", MailRepeats.SAME_NOTIFICATION_TOLERATED, () -> {
            Duration down = timed(() -> {
                platform.postgres().kill();
                platform.postgres().start();
            });
            return "PostgreSQL SIGKILLed, crash recovery and start in " + FaultReport.seconds(down);
        });
    }

    @Test
    @Tag(FaultTests.LONG)
    @Order(4)
    void deliversEveryRegistrationOnceWhenRegistrationServiceIsKilledDuringABurst() throws Exception {
        burstWith("registration-service killed", MailRepeats.FORBIDDEN, () -> killAndRestart(PlatformService.REGISTRATION));
        api.warmUp();
    }

    @Test
    @Order(5)
    void sendsEveryAcknowledgementOnceWhenNotificationServiceIsKilledDuringABurst() throws Exception {
        burstWith("notification-service killed", MailRepeats.SAME_NOTIFICATION_TOLERATED,
                () -> killAndRestart(PlatformService.NOTIFICATION));
    }

    /**
     * Poison on the delegate topic (a payload that is not JSON, and a well-formed CloudEvent whose payload breaks the
     * consumers' rules), and a batch of already-handled DelegateRegistered records published again with their
     * original event ids. The poison ends in each consumer's dead-letter topic, the partitions it sat on keep moving,
     * and the redelivered batch changes nothing: no second copy, no second e-mail, each duplicate counted as skipped.
     */
    @Test
    @Order(6)
    void deadLettersPoisonWithoutBlockingThePartitionAndSkipsARedeliveredBatch() throws Exception {
        DelegateTopic topic = new DelegateTopic(platform.kafkaBootstrapServers());
        String conference = api.openConference(CAPACITY);
        RegistrationBurst.Result handled = RegistrationBurst.start(platform.gatewayUrl(), conference,
                "before-poison", 100, PER_SECOND).awaitCompletion();
        assertThat(handled.notAccepted()).as("registrations never accepted").isEmpty();
        ExactlyOnceCheck.assertDeliveredExactlyOnce(platform, conference, handled, MailRepeats.FORBIDDEN);
        List<ConsumerRecord<byte[], byte[]>> published = topic.registeredRecordsOf(handled.accepted().stream()
                .map(Registration::registrationId).collect(Collectors.toSet()));
        assertThat(published).hasSize(handled.accepted().size());
        Map<String, Double> skippedBefore = duplicatesSkipped();

        ConsumerRecord<byte[], byte[]> template = published.getFirst();
        List<DelegateTopic.Poison> poison = List.of(
                topic.publishPoison(template, 0, "{\"registrationId\": \"not even JSON"),
                topic.publishPoison(template, 1, """
                        {"registrationId": null, "conferenceId": "%s", "status": "NOT_A_STATUS",
                         "listeningLanguages": "not a list"}""".formatted(conference)));
        List<RecordMetadata> redelivered = topic.redeliver(published);
        RegistrationBurst.Result after = RegistrationBurst.start(platform.gatewayUrl(), conference, "after-poison",
                200, PER_SECOND).awaitCompletion();

        assertThat(after.notAccepted()).as("registrations never accepted").isEmpty();
        List<RecordMetadata> poisonAndRedelivered = new ArrayList<>(redelivered);
        poison.forEach(record -> poisonAndRedelivered.add(record.position()));
        Set<String> poisonIds = poison.stream().map(DelegateTopic.Poison::eventId).collect(Collectors.toSet());
        for (Map.Entry<PlatformService, String> consumer : ExactlyOnceCheck.DELEGATE_CONSUMERS.entrySet()) {
            String service = consumer.getKey().moduleName();
            topic.awaitConsumed(service, poisonAndRedelivered);
            await(service + " dead-letters the poison").atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(topic.deadLetteredEventIds(service)).containsAll(poisonIds));
            await(consumer.getValue() + " counts the redelivered batch as duplicates").atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(InboxMetrics.duplicatesSkipped(
                            platform.serviceUrl(consumer.getKey()), consumer.getValue()) - skippedBefore.get(service))
                            .isGreaterThanOrEqualTo(published.size()));
        }
        // The events behind the poison on partitions 0 and 1 were handled: later events on every partition are.
        ExactlyOnceCheck.Settled settled = ExactlyOnceCheck.assertDeliveredExactlyOnce(platform, conference,
                combined(handled, after), MailRepeats.FORBIDDEN);
        FaultReport.print("poison and redelivery", after, "2 poison records dead-lettered by 3 consumers, "
                + published.size() + " records redelivered and skipped", settled);
    }

    /**
     * Registration-service's link to the broker slows down, then drops every packet (connections stay open, sends
     * time out), then is refused outright, then comes back: the relay keeps what it could not send in the outbox and
     * sends it afterwards; a send that timed out but reached the broker arrives twice and the inboxes skip the copy.
     */
    @Test
    @Order(7)
    void deliversEveryRegistrationOnceThroughADelayedThenCutLinkBetweenRegistrationServiceAndTheBroker()
            throws Exception {
        TcpProxy link = platform.kafkaProxy(PlatformService.REGISTRATION);
        burstWith("registration-service's broker link delayed then cut", MailRepeats.FORBIDDEN, () -> {
            try {
                link.delay(Duration.ofMillis(300));
                Thread.sleep(Duration.ofSeconds(5));
                link.blackhole();
                Thread.sleep(Duration.ofSeconds(10));
                link.cut();
                Thread.sleep(Duration.ofSeconds(10));
            } finally {
                link.restore();
            }
            return "300 ms delay each way for 5 s, then 10 s of dropped packets, then 10 s of refused connections";
        });
    }

    private Map<String, Double> duplicatesSkipped() throws IOException, InterruptedException {
        Map<String, Double> skipped = new HashMap<>();
        for (Map.Entry<PlatformService, String> consumer : ExactlyOnceCheck.DELEGATE_CONSUMERS.entrySet()) {
            skipped.put(consumer.getKey().moduleName(),
                    InboxMetrics.duplicatesSkipped(platform.serviceUrl(consumer.getKey()), consumer.getValue()));
        }
        return skipped;
    }

    private static RegistrationBurst.Result combined(RegistrationBurst.Result first, RegistrationBurst.Result second) {
        List<Registration> both = new ArrayList<>(first.registrations());
        both.addAll(second.registrations());
        return new RegistrationBurst.Result(first.label() + "+" + second.label(), both, first.took().plus(second.took()));
    }

    private String killAndRestart(PlatformService service) throws Exception {
        Duration killed = timed(() -> platform.service(service).kill());
        Duration restart = timed(() -> platform.service(service).start());
        return service.moduleName() + " SIGKILLed (" + FaultReport.seconds(killed) + "), restarted and ready in "
                + FaultReport.seconds(restart);
    }

    /**
     * Opens a conference, starts a burst of registrations to it, injects the fault a third of the way in, lets the
     * burst finish (clients retrying what failed) and checks that every registration was delivered exactly once.
     */
    private void burstWith(String scenario, MailRepeats mailRepeats, Fault fault) throws Exception {
        String conference = api.openConference(CAPACITY);
        RegistrationBurst burst = RegistrationBurst.start(platform.gatewayUrl(), conference,
                scenario.replaceAll("[^a-zA-Z0-9]+", "-").replaceAll("-$", ""), REGISTRATIONS, PER_SECOND);
        burst.awaitSent(FAULT_AT);
        String injected = fault.inject();

        RegistrationBurst.Result result = burst.awaitCompletion();

        assertThat(result.notAccepted()).as("registrations never accepted").isEmpty();
        ExactlyOnceCheck.Settled settled = ExactlyOnceCheck.assertDeliveredExactlyOnce(platform, conference, result,
                mailRepeats);
        FaultReport.print(scenario, result, injected, settled);
    }

    private static Duration timed(Step step) throws Exception {
        long started = System.nanoTime();
        step.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Injects a fault and says what it did, with its timings. */
    @FunctionalInterface
    private interface Fault {
        String inject() throws Exception;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
