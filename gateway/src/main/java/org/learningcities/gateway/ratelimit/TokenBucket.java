package org.learningcities.gateway.ratelimit;

import java.time.Duration;

/** A classic token bucket, refilled lazily from the clock on each use. */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final long capacity;
    private final double tokensPerNano;
    private double tokens;
    private long lastRefillNanos;

    TokenBucket(RateLimitProperties.Budget budget, long nowNanos) {
        this.capacity = budget.burstCapacity();
        this.tokensPerNano = budget.replenishRate() / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.lastRefillNanos = nowNanos;
    }

    /** Takes a token, or says how long until one is there. */
    synchronized Duration tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    /** Gives back a token taken for a request that another budget refused. */
    synchronized void giveBack() {
        tokens = Math.min(capacity, tokens + 1);
    }

    private void refill(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - lastRefillNanos) * tokensPerNano);
        lastRefillNanos = nowNanos;
    }
}
