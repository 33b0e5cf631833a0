package org.learningcities.agenda.metrics;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code platform.enrolments}: seats held (CONFIRMED) and places on waiting lists (WAITLISTED) in each
 * conference's sessions. Counted from this service's own enrolment table, so the figure is right after a
 * restart; one grouped query every 15 seconds rather than one per scrape.
 */
@Component
class EnrolmentsGauge {

    private final JdbcClient jdbc;
    private final MultiGauge enrolments;

    EnrolmentsGauge(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.enrolments = MultiGauge.builder("platform.enrolments")
                .description("Session enrolments by conference and status (CONFIRMED seats, WAITLISTED places)")
                .register(meters);
    }

    /**
     * Both statuses for every conference with enrolments, so an empty waiting list reads 0 rather than
     * vanishing; rows of conferences without any enrolment left are dropped.
     */
    @Scheduled(fixedDelay = 15_000)
    void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        jdbc.sql("""
                        select conference_id,
                               count(*) filter (where status = 'CONFIRMED') as confirmed,
                               count(*) filter (where status = 'WAITLISTED') as waitlisted
                        from enrolment
                        group by conference_id""")
                .query(row -> {
                    String conference = row.getString("conference_id");
                    rows.add(MultiGauge.Row.of(Tags.of("conference", conference, "status", "CONFIRMED"),
                            row.getLong("confirmed")));
                    rows.add(MultiGauge.Row.of(Tags.of("conference", conference, "status", "WAITLISTED"),
                            row.getLong("waitlisted")));
                });
        enrolments.register(rows, true);
    }
}
