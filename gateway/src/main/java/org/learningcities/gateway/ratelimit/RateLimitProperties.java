package org.learningcities.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request budgets per route class, each for one client (the token's subject: an account or a partner's client id)
 * and for one IP address. The budgets are per gateway instance: with several instances behind a load balancer each
 * enforces its own share, so a caller gets up to (instances x budget).
 *
 * @param enabled            whether to limit at all
 * @param registrationWrites {@code POST /api/conferences/{id}/registrations}
 * @param reads              every other {@code GET}/{@code HEAD}
 * @param writes             every other method
 * @param trustedProxies     addresses or CIDR ranges of proxies in front of the gateway whose
 *                           {@code X-Forwarded-For} is believed; empty: the TCP peer is the client
 * @param idleExpiry         a bucket unused this long is forgotten (it would be full again anyway if it refills
 *                           within this time)
 * @param maximumBuckets     bound on remembered buckets, so callers from random addresses cannot exhaust memory
 */
@ConfigurationProperties("gateway.rate-limit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        ClassBudget registrationWrites,
        ClassBudget reads,
        ClassBudget writes,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("10m") Duration idleExpiry,
        @DefaultValue("100000") long maximumBuckets) {

    ClassBudget budgetOf(RouteClass routeClass) {
        return switch (routeClass) {
            case REGISTRATION_WRITES -> registrationWrites;
            case READS -> reads;
            case WRITES -> writes;
        };
    }

    /** The budgets of one route class, per client and per IP address. */
    record ClassBudget(Budget perClient, Budget perIp) {
    }

    /**
     * A token bucket.
     *
     * @param burstCapacity requests allowed at once, from a full bucket
     * @param replenishRate requests per second the bucket refills with (may be below 1)
     */
    record Budget(long burstCapacity, double replenishRate) {
    }
}
