package org.learningcities.registration.registration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling drives the expiry of waiting-list offers. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({WaitlistProperties.class, ChangeRules.Properties.class})
class RegistrationLifecycleConfiguration {
}
