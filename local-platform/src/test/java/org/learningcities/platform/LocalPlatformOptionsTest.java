package org.learningcities.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocalPlatformOptionsTest {

    @Test
    void picksFreePortsForEveryBrokerAndControllerOfACluster() {
        LocalPlatformOptions options = LocalPlatformOptions.builder().freePorts().kafkaBrokers(3).build();

        assertThat(options.kafkaNodes())
                .flatExtracting(KafkaNode::port, KafkaNode::controllerPort)
                .doesNotHaveDuplicates()
                .hasSize(6)
                .allMatch(port -> FreePorts.isFree((Integer) port));
    }

    @Test
    void acceptsOneOrThreeBrokersOnly() {
        assertThatThrownBy(() -> LocalPlatformOptions.builder().kafkaBrokers(2).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 or 3 brokers");
    }

    @Test
    void refusesAKafkaProxyInFrontOfACluster() {
        assertThatThrownBy(() -> LocalPlatformOptions.builder()
                .kafkaBrokers(3).kafkaThroughProxy(PlatformService.NOTIFICATION).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only with a single broker");
    }

    @Test
    void refusesAKafkaProxyForAServiceWithoutKafka() {
        assertThatThrownBy(() -> LocalPlatformOptions.builder().kafkaThroughProxy(PlatformService.GATEWAY).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not use Kafka");
    }
}
