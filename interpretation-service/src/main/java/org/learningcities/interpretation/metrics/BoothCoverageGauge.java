package org.learningcities.interpretation.metrics;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code platform.interpretation.booths}: how many booths of each conference are COVERED, AT_RISK or UNCOVERED in
 * the current plan, counted exactly as the coverage endpoint lists them (the planner's booth_coverage rows of
 * sessions this service holds). Counted in the database every 15 s rather than on each scrape, so a scrape
 * never waits for a query and a busy conference costs one small grouped query per period.
 */
@Component
class BoothCoverageGauge {

    private final JdbcClient jdbc;
    private final MultiGauge booths;

    BoothCoverageGauge(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.booths = MultiGauge.builder("platform.interpretation.booths")
                .description("Booths of the current interpretation plan by coverage status")
                .register(meters);
    }

    /**
     * Every status of every known conference gets a row, zero included, so that a booth leaving a status shows as
     * the count falling to 0 rather than as the series disappearing. The statuses are those of the coverage
     * endpoint's CoverageStatus.
     */
    @Scheduled(fixedDelay = 15, timeUnit = TimeUnit.SECONDS)
    void refresh() {
        booths.register(jdbc.sql("""
                        select c.conference_id, st.status, count(b.session_id) as booths
                        from conference c
                        cross join unnest(array['COVERED', 'AT_RISK', 'UNCOVERED']) as st(status)
                        left join (booth_coverage b join session s on s.session_id = b.session_id)
                               on b.conference_id = c.conference_id and b.status = st.status
                        group by c.conference_id, st.status""")
                .query((row, number) -> MultiGauge.Row.of(
                        Tags.of("conference", row.getString("conference_id"), "status", row.getString("status")),
                        row.getLong("booths")))
                .list(), true);
    }
}
