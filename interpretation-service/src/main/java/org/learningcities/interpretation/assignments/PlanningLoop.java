package org.learningcities.interpretation.assignments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Re-plans every conference whose programme, roster or bookings changed since its last plan. */
@Component
class PlanningLoop {

    private static final Logger log = LoggerFactory.getLogger(PlanningLoop.class);

    private final ConferencePlanning planning;

    PlanningLoop(ConferencePlanning planning) {
        this.planning = planning;
    }

    @Scheduled(fixedDelayString = "${interpretation.planning.interval:2s}")
    void planWaitingConferences() {
        for (String conferenceId : planning.waiting()) {
            try {
                planning.planIfFree(conferenceId);
            } catch (RuntimeException e) {
                // The transaction rolled back, so the request row stays and the next run tries again.
                log.error("Planning conference {} failed; it stays waiting for the next run", conferenceId, e);
            }
        }
    }
}
