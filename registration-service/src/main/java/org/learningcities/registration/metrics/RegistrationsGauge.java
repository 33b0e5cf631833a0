package org.learningcities.registration.metrics;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code platform.registrations}: how many registrations each conference holds, by status, category and
 * UNESCO region. Counted from this service's own table rather than from events, so the figure is right after
 * a restart and never drifts. One grouped query every 15 seconds, not one per scrape: Prometheus may scrape
 * more often and several replicas may scrape at once, and a conference can hold 100,000 delegates.
 * Scheduling is enabled by the registration feature's {@code RegistrationLifecycleConfiguration}.
 */
@Component
class RegistrationsGauge {

    private final JdbcClient jdbc;
    private final MultiGauge registrations;

    RegistrationsGauge(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.registrations = MultiGauge.builder("platform.registrations")
                .description("Registrations by conference, status, category and UNESCO region")
                .register(meters);
    }

    /**
     * Replaces every row: a combination that no longer has any registration (the last pending delegate of
     * a category was approved) disappears instead of reporting its last count forever.
     */
    @Scheduled(fixedDelay = 15_000)
    void refresh() {
        List<MultiGauge.Row<?>> rows = jdbc.sql("""
                        select conference_id, status, category, region, count(*) as registrations
                        from registration
                        group by conference_id, status, category, region""")
                .<MultiGauge.Row<?>>query((row, number) -> MultiGauge.Row.of(
                        Tags.of("conference", row.getString("conference_id"), "status", row.getString("status"),
                                "category", row.getString("category"), "region", row.getString("region")),
                        row.getLong("registrations")))
                .list();
        registrations.register(rows, true);
    }
}
