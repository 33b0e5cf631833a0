package org.learningcities.registration.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code platform.check.ins}: badge scans at the venue by conference and outcome, FIRST for a delegate's
 * check-in, REPEATED for a badge scanned again. Public because the check-in desk lives in the badge feature.
 */
@Component
public class CheckInCounter {

    private final MeterRegistry meters;

    CheckInCounter(MeterRegistry meters) {
        this.meters = meters;
    }

    public void first(String conferenceId) {
        countOnCommit(conferenceId, "FIRST");
    }

    public void repeated(String conferenceId) {
        countOnCommit(conferenceId, "REPEATED");
    }

    /**
     * Called inside the check-in's transaction: a scan whose transaction rolls back recorded nothing, so it
     * counts only once the transaction commits.
     */
    private void countOnCommit(String conferenceId, String outcome) {
        Counter scans = Counter.builder("platform.check.ins")
                .description("Badge scans at check-in by conference and outcome (FIRST or REPEATED)")
                .tags("conference", conferenceId, "outcome", outcome)
                .register(meters);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                scans.increment();
            }
        });
    }
}
