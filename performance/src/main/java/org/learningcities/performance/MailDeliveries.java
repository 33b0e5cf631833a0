package org.learningcities.performance;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.learningcities.platform.MailDelivery;
import org.learningcities.platform.MailServer;

/**
 * Every e-mail the platform's SMTP server accepts, passed to whichever measurement listens at the moment. The mail
 * server runs in this JVM, so its acceptance time and the harness's HTTP answer times come from the same clock.
 */
final class MailDeliveries {

    private static final Consumer<MailDelivery> NOBODY = delivery -> {
    };

    private final AtomicLong accepted = new AtomicLong();
    private volatile Consumer<MailDelivery> listener = NOBODY;

    private MailDeliveries() {
    }

    static MailDeliveries of(MailServer mailServer) {
        MailDeliveries deliveries = new MailDeliveries();
        mailServer.onDelivery(delivery -> {
            deliveries.accepted.incrementAndGet();
            deliveries.listener.accept(delivery);
        });
        return deliveries;
    }

    void listen(Consumer<MailDelivery> listener) {
        this.listener = listener;
    }

    void stopListening() {
        listen(NOBODY);
    }

    /** Waits until no e-mail has arrived for {@code quiet}, so one measurement's backlog does not run into the next. */
    void awaitQuiet(Duration quiet, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        long seen = accepted.get();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            GatewayApi.sleep(Duration.ofMillis(250));
            long now = accepted.get();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= quiet.toNanos()) {
                return;
            }
        }
        System.out.printf("  (e-mails still arriving after %d s; going on)%n", atMost.toSeconds());
    }
}
