package org.learningcities.platform;

/**
 * An extra broker listener reached through a {@link TcpProxy}: the broker listens on {@code port} and advertises
 * {@code advertisedPort}, the proxy's, so that clients which bootstrap through the proxy also reconnect through
 * it when they follow the metadata to a partition leader.
 */
record ProxiedListener(String name, int port, int advertisedPort) {
}
