package org.learningcities.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which browser front ends may call the API across origins. Native mobile apps send no {@code Origin} and need no
 * entry; web views that do (e.g. {@code capacitor://localhost}) are listed like any web origin.
 *
 * @param allowedOrigins origins or origin patterns ({@code https://*.learningcities.example}) allowed to call
 * @param allowedMethods methods a front end may use
 * @param allowedHeaders request headers a front end may send
 * @param exposedHeaders response headers a front end's script may read
 * @param maxAge         how long a browser may cache a preflight answer
 */
@ConfigurationProperties("gateway.cors")
record CorsProperties(
        @DefaultValue("http://localhost:3000") List<String> allowedOrigins,
        @DefaultValue({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"}) List<String> allowedMethods,
        @DefaultValue({"Authorization", "Content-Type", "Idempotency-Key", "Last-Event-ID", "Accept-Language",
                "If-Match", "If-None-Match", "traceparent", "tracestate"}) List<String> allowedHeaders,
        @DefaultValue({"Location", "Retry-After", "RateLimit", "RateLimit-Policy", "ETag", "Content-Disposition",
                "X-Trace-Id"}) List<String> exposedHeaders,
        @DefaultValue("1h") Duration maxAge) {
}
