package org.learningcities.platform;

/**
 * One Kafka process of the platform, broker and KRaft controller in one: clients connect to {@code port}, the
 * controllers talk to each other on the next port.
 */
record KafkaNode(int nodeId, int port) {

    int controllerPort() {
        return port + 1;
    }
}
