package org.learningcities.platform;

import java.time.Duration;

/** The pause between two polls while waiting for a component to become ready. */
final class Sleep {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private Sleep() {
    }

    static void briefly() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformStartupException("Interrupted while waiting for the platform to start", e);
        }
    }
}
