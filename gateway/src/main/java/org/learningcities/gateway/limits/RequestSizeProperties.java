package org.learningcities.gateway.limits;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be.
 *
 * @param maxBody     the limit for every route not listed in {@code routeLimits}
 * @param routeLimits other limits for some paths (bulk imports), first match wins
 */
@ConfigurationProperties("gateway.request-size")
record RequestSizeProperties(
        @DefaultValue("1MB") DataSize maxBody,
        @DefaultValue List<RouteLimit> routeLimits) {

    /**
     * @param paths   path patterns as in the route table ({@code /api/interpreters/import})
     * @param maxBody the limit for them
     */
    record RouteLimit(List<String> paths, DataSize maxBody) {
    }
}
