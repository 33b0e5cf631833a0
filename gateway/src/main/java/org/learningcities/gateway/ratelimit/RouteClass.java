package org.learningcities.gateway.ratelimit;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Requests share a budget only with requests of their class, so the registration-opening burst spends the
 * registration budget and leaves programme reads answering.
 */
enum RouteClass {

    REGISTRATION_WRITES("registration-writes"),
    READS("reads"),
    WRITES("writes");

    private static final PathPattern REGISTRATIONS =
            PathPatternParser.defaultInstance.parse("/api/conferences/*/registrations");

    private final String propertyName;

    RouteClass(String propertyName) {
        this.propertyName = propertyName;
    }

    static RouteClass of(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            return READS;
        }
        if (HttpMethod.POST.equals(method)
                && REGISTRATIONS.matches(PathContainer.parsePath(request.getPath().value()))) {
            return REGISTRATION_WRITES;
        }
        return WRITES;
    }

    /** As in the properties and the problem answers: {@code registration-writes}, {@code reads}, {@code writes}. */
    String propertyName() {
        return propertyName;
    }
}
