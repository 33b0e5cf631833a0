package org.learningcities.registration;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RegistrationConfiguration {

    /** One clock for the registration window and timestamps, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
