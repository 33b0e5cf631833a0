package org.learningcities.registration.registration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param offerValidity  how long a waitlisted delegate has to accept a freed place
 * @param expiryInterval how often lapsed offers are looked for
 */
@ConfigurationProperties("registration.waitlist")
record WaitlistProperties(@DefaultValue("48h") Duration offerValidity, @DefaultValue("1m") Duration expiryInterval) {
}
