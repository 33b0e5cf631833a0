package org.learningcities.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceEnvironmentTest {

    private final LocalPlatformOptions options = LocalPlatformOptions.builder().smsPort(13090).build();

    @Test
    void makesTheSmsSinkNotificationServicesOneSmsProvider() {
        Map<String, String> environment = ServiceEnvironment.of(PlatformService.NOTIFICATION, options);

        assertThat(environment)
                .containsEntry("NOTIFICATION_SMS_PROVIDERS_0_NAME", "local-sms-sink")
                .containsEntry("NOTIFICATION_SMS_PROVIDERS_0_URL", "http://127.0.0.1:13090/messages")
                .containsEntry("NOTIFICATION_SMS_PROVIDERS_0_TOKEN", SmsSink.TOKEN)
                .containsEntry("NOTIFICATION_WEBHOOKS_ALLOWEDPRIVATENETWORKS", "127.0.0.1/32");
    }

    @Test
    void givesNoOtherServiceSmsOrWebhookSettings() {
        assertThat(ServiceEnvironment.of(PlatformService.REGISTRATION, options))
                .doesNotContainKeys("NOTIFICATION_SMS_PROVIDERS_0_URL", "NOTIFICATION_WEBHOOKS_ALLOWEDPRIVATENETWORKS");
    }

    @Test
    void givesServicesEveryBrokerOfAClusterAndThreeReplicasPerTopic() {
        LocalPlatformOptions cluster = LocalPlatformOptions.builder().kafkaPort(19092).kafkaBrokers(3).build();

        assertThat(ServiceEnvironment.of(PlatformService.AGENDA, cluster))
                .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", "localhost:19092,localhost:19094,localhost:19096")
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:19092,localhost:19094,localhost:19096")
                .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_REPLICATION_FACTOR", "3");
    }

    @Test
    void pointsOnlyTheProxiedServiceAtItsKafkaProxy() {
        LocalPlatformOptions proxied = LocalPlatformOptions.builder().kafkaPort(19092)
                .kafkaThroughProxy(PlatformService.REGISTRATION).build();
        int proxyPort = proxied.kafkaProxyPorts().get(PlatformService.REGISTRATION);

        assertThat(ServiceEnvironment.of(PlatformService.REGISTRATION, proxied))
                .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", "localhost:" + proxyPort)
                .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_REPLICATION_FACTOR", "1");
        assertThat(ServiceEnvironment.of(PlatformService.AGENDA, proxied))
                .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", "localhost:19092");
    }
}
