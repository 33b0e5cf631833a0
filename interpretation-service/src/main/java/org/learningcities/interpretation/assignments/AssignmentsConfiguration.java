package org.learningcities.interpretation.assignments;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Switches on the planner loop and reads the rules' numbers and the loop's timing from configuration. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({RulesProperties.class, PlanningLoopProperties.class})
class AssignmentsConfiguration {
}
