package org.learningcities.gateway.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Strict-Transport-Security on every answer. TLS ends in front of the gateway, so the gateway sees plain HTTP and
 * writes the header regardless of scheme; browsers ignore it on plain-HTTP answers (RFC 6797), so local use is
 * unaffected.
 *
 * @param hstsEnabled           whether to send the header at all
 * @param hstsMaxAge            how long browsers keep to HTTPS
 * @param hstsIncludeSubdomains whether sub-domains are covered too
 */
@ConfigurationProperties("gateway.security-headers")
record SecurityHeadersProperties(
        @DefaultValue("true") boolean hstsEnabled,
        @DefaultValue("365d") Duration hstsMaxAge,
        @DefaultValue("false") boolean hstsIncludeSubdomains) {

    String hstsValue() {
        return "max-age=" + hstsMaxAge.toSeconds() + (hstsIncludeSubdomains ? "; includeSubDomains" : "");
    }
}
