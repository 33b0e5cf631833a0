package org.learningcities.notification.delivery;

/**
 * Hands a written message to one channel. Called by the dispatcher inside the transaction that holds the
 * notification's row, once per attempt; it must not retry on its own (the dispatcher schedules retries with
 * backoff) but may fail over between providers within one attempt.
 */
public interface ChannelSender {

    Channel channel();

    DeliveryOutcome send(OutgoingMessage message);
}
