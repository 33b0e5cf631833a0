package org.learningcities.messaging;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code outbox.backlog} and {@code outbox.oldest.age}: how many events wait for the relay and how long the
 * oldest has waited. Both gauges read one snapshot taken by one query, and the snapshot serves every reading
 * for a few seconds, so however many scrapers (or a scrape storm) read the gauges the database answers at most
 * one query per interval. The query only touches unpublished rows, which the partial backlog index finds.
 */
class OutboxGauges implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(OutboxGauges.class);

    /** Prometheus scrapes every 15 s or so; a reading at most this old is as good as a fresh one. */
    static final Duration MAX_SNAPSHOT_AGE = Duration.ofSeconds(5);

    private static final Snapshot UNKNOWN = new Snapshot(Double.NaN, Double.NaN);

    private final JdbcClient jdbc;
    private Snapshot snapshot = UNKNOWN;
    private long takenAtNanos;
    private boolean taken;

    OutboxGauges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("outbox.backlog", this, gauges -> gauges.current().backlog())
                .description("Events written to the outbox and not yet published to Kafka")
                .register(registry);
        Gauge.builder("outbox.oldest.age", this, gauges -> gauges.current().oldestAgeSeconds())
                .description("Time the oldest unpublished outbox event has waited (0 when none waits)")
                .baseUnit("seconds")
                .register(registry);
    }

    /** Readers wait for one another, so concurrent scrapes share the one query instead of each running it. */
    synchronized Snapshot current() {
        long now = System.nanoTime();
        if (!taken || now - takenAtNanos >= MAX_SNAPSHOT_AGE.toNanos()) {
            snapshot = read();
            takenAtNanos = now;
            taken = true;
        }
        return snapshot;
    }

    private Snapshot read() {
        try {
            return jdbc.sql("""
                    select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)
                    from messaging.outbox_event
                    where published_at is null""")
                    .query((row, number) -> new Snapshot(row.getLong(1), Math.max(0, row.getDouble(2))))
                    .single();
        } catch (DataAccessException e) {
            // An unknown value (NaN) rather than a stale or zero one: the database being away must not look healthy.
            log.debug("Cannot read the outbox backlog", e);
            return UNKNOWN;
        }
    }

    record Snapshot(double backlog, double oldestAgeSeconds) {
    }
}
