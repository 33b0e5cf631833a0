package org.learningcities.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The arithmetic behind every 429 and its Retry-After, on a clock the test moves. */
class TokenBucketTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void allowsABurstUpToItsCapacityThenSaysHowLongUntilTheNextToken() {
        TokenBucket bucket = new TokenBucket(new RateLimitProperties.Budget(3, 0.5), 0);

        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryTake(0)).isZero();
        }

        assertThat(bucket.tryTake(0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(bucket.tryTake(SECOND)).isEqualTo(Duration.ofSeconds(1));
        assertThat(bucket.tryTake(2 * SECOND)).isZero();
    }

    @Test
    void refillsNoFurtherThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(new RateLimitProperties.Budget(2, 10), 0);

        long anHourLater = 3600 * SECOND;
        assertThat(bucket.tryTake(anHourLater)).isZero();
        assertThat(bucket.tryTake(anHourLater)).isZero();
        assertThat(bucket.tryTake(anHourLater)).isPositive();
    }

    @Test
    void takesBackATokenGivenBack() {
        TokenBucket bucket = new TokenBucket(new RateLimitProperties.Budget(1, 0.01), 0);
        assertThat(bucket.tryTake(0)).isZero();

        bucket.giveBack();

        assertThat(bucket.tryTake(0)).isZero();
    }
}
