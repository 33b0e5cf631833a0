package org.learningcities.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DeliveryPropertiesTest {

    private final DeliveryProperties defaults = new DeliveryProperties(
            10, Duration.ofSeconds(2), Duration.ofMinutes(5));

    @Test
    void doublesTheWaitAfterEveryFailedAttemptUpToTheLongestWait() {
        assertThat(defaults.backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.backoffAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(defaults.backoffAfter(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(defaults.backoffAfter(8)).isEqualTo(Duration.ofSeconds(256));
        assertThat(defaults.backoffAfter(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.backoffAfter(1_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void givesUpAfterTheLastAllowedAttempt() {
        assertThat(defaults.givesUpAfter(9)).isFalse();
        assertThat(defaults.givesUpAfter(10)).isTrue();
    }
}
