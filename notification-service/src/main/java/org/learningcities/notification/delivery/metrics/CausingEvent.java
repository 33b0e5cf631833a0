package org.learningcities.notification.delivery.metrics;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.integration.config.GlobalChannelInterceptor;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.stereotype.Component;

/**
 * The CloudEvents time of the event the current thread is handling, so that a notification queued while handling
 * it can keep when its cause happened (for {@code platform.notification.delivery}) without every consumer passing
 * it along. The binder hands a record to its consumer on the thread that sends it into the binding's input
 * channel, so the time is known from that send until it completes, and nowhere else.
 */
public final class CausingEvent {

    private static final ThreadLocal<Instant> TIME = new ThreadLocal<>();

    private CausingEvent() {
    }

    /** The time of the event being handled on this thread; null outside a consumer or when the event has none. */
    public static Instant time() {
        return TIME.get();
    }

    /** Spring Integration adds it to every consumer binding's input channel ({@code <function>-in-<n>}). */
    @Component
    @GlobalChannelInterceptor(patterns = "*-in-*")
    static class Interceptor implements ChannelInterceptor {

        @Override
        public Message<?> preSend(Message<?> message, MessageChannel channel) {
            TIME.set(timeOf(message));
            return message;
        }

        @Override
        public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, Exception ex) {
            TIME.remove();
        }

        /** A missing or unreadable time is the inbox's concern: here it only leaves the delivery time unmeasured. */
        private static Instant timeOf(Message<?> message) {
            try {
                OffsetDateTime time = CloudEventMessageUtils.getTime(message);
                return time == null ? null : time.toInstant();
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }
}
