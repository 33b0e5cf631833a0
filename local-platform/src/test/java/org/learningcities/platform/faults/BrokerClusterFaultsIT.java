package org.learningcities.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.learningcities.platform.KafkaBroker;
import org.learningcities.platform.LocalPlatform;
import org.learningcities.platform.faults.ExactlyOnceCheck.MailRepeats;

/**
 * The production shape of Kafka: three brokers, every topic replicated three times, an acknowledged write on at
 * least two of them ({@code min.insync.replicas=2}). Losing one broker in the middle of a burst must cost nothing:
 * the partitions it led move to the others and producers and consumers follow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag(FaultTests.LONG)
class BrokerClusterFaultsIT {

    private LocalPlatform platform;
    private GatewayApi api;

    @BeforeAll
    void startPlatform() throws IOException, InterruptedException {
        platform = FaultTests.startPlatform("faults-cluster-", options -> options.kafkaBrokers(3));
        api = new GatewayApi(platform);
        api.warmUp();
    }

    @AfterAll
    void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void deliversEveryRegistrationOnceWhenOneOfThreeBrokersIsKilledDuringABurst() throws Exception {
        String conference = api.openConference(5_000);
        KafkaBroker leader;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafkaBootstrapServers()))) {
            List<TopicPartitionInfo> partitions = partitionsOfTheDelegateTopic(admin);
            assertThat(partitions).allSatisfy(partition -> assertThat(partition.isr()).hasSize(3));
            assertThat(minInsyncReplicasOfTheDelegateTopic(admin)).isEqualTo("2");
            int leaderId = partitions.getFirst().leader().id();
            leader = platform.kafkaBrokers().stream().filter(broker -> broker.nodeId() == leaderId).findFirst()
                    .orElseThrow();
        }
        RegistrationBurst burst = RegistrationBurst.start(platform.gatewayUrl(), conference, "broker-of-three-killed",
                300, 50);
        burst.awaitSent(0.3);
        long killedAt = System.nanoTime();
        leader.kill();
        Duration kill = Duration.ofNanos(System.nanoTime() - killedAt);

        RegistrationBurst.Result result = burst.awaitCompletion();

        assertThat(result.notAccepted()).as("registrations never accepted").isEmpty();
        ExactlyOnceCheck.Settled settled = ExactlyOnceCheck.assertDeliveredExactlyOnce(platform, conference, result,
                MailRepeats.FORBIDDEN);
        FaultReport.print("one of three brokers killed", result, "broker " + leader.nodeId()
                + " (leader of " + DelegateTopic.NAME + "-0) SIGKILLed in " + FaultReport.seconds(kill)
                + " and left down", settled);
    }

    private static List<TopicPartitionInfo> partitionsOfTheDelegateTopic(Admin admin) throws Exception {
        TopicDescription topic = admin.describeTopics(List.of(DelegateTopic.NAME)).allTopicNames().get()
                .get(DelegateTopic.NAME);
        return topic.partitions();
    }

    private static String minInsyncReplicasOfTheDelegateTopic(Admin admin) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, DelegateTopic.NAME);
        return admin.describeConfigs(List.of(topic)).all().get().get(topic)
                .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value();
    }
}
