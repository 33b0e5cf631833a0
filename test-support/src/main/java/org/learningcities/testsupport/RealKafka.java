package org.learningcities.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker (KRaft) per test JVM: a Testcontainers container where a Docker engine
 * runs, otherwise spring-kafka-test's in-JVM KRaft broker. Neither is an in-memory binder.
 */
public final class RealKafka {

    private static String bootstrapServers;

    private RealKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = DockerClientFactory.instance().isDockerAvailable() ? container() : embedded();
        }
        return bootstrapServers;
    }

    private static String container() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
        kafka.start();
        return kafka.getBootstrapServers();
    }

    private static String embedded() {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaKraftBroker(1, 6)
                .brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        return broker.getBrokersAsString();
    }
}
