package org.learningcities.interpretation.assignments;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code interpretation.planning.*}
 *
 * @param interval  pause between two looks for conferences waiting to be re-planned
 * @param timeLimit the longest the solver may work on one conference
 */
@ConfigurationProperties("interpretation.planning")
record PlanningLoopProperties(@DefaultValue("2s") Duration interval, @DefaultValue("10s") Duration timeLimit) {
}
