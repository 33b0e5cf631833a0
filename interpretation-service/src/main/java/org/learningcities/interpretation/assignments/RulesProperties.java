package org.learningcities.interpretation.assignments;

import java.time.Duration;

import org.learningcities.interpretation.planning.PlanningRules;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code interpretation.rules.*}: each number left out keeps its UN and AIIC default
 * ({@link PlanningRules#UN_PRACTICE}), so the defaults live in one place.
 */
@ConfigurationProperties("interpretation.rules")
record RulesProperties(Integer minimumTeam, Integer largerTeam, Duration longSession, Duration gapBetweenRooms,
                       Integer maxSessionsPerDay, Integer maxSessionsPerWeek) {

    PlanningRules rules() {
        PlanningRules defaults = PlanningRules.UN_PRACTICE;
        return new PlanningRules(
                minimumTeam == null ? defaults.minimumTeam() : minimumTeam,
                largerTeam == null ? defaults.largerTeam() : largerTeam,
                longSession == null ? defaults.longSession() : longSession,
                gapBetweenRooms == null ? defaults.gapBetweenRooms() : gapBetweenRooms,
                maxSessionsPerDay == null ? defaults.maxSessionsPerDay() : maxSessionsPerDay,
                maxSessionsPerWeek == null ? defaults.maxSessionsPerWeek() : maxSessionsPerWeek);
    }
}
