package org.learningcities.agenda.metrics;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The business gauges refresh themselves on a schedule; nothing else in agenda-service is scheduled yet. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MetricsScheduling {
}
