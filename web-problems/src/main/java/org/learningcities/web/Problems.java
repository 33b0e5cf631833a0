package org.learningcities.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Domain failures that the client can act on, answered as problem+json with the right status. */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException notFound(String what, String id) {
        return problem(HttpStatus.NOT_FOUND, what + " not found", "No " + what.toLowerCase() + " with id " + id + ".",
                Map.of());
    }

    public static ErrorResponseException conflict(String title, String detail, Map<String, Object> properties) {
        return problem(HttpStatus.CONFLICT, title, detail, properties);
    }

    public static ErrorResponseException unprocessable(String title, String detail, Map<String, Object> properties) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, title, detail, properties);
    }

    /** A request that is well-formed but breaks a rule about one field. */
    public static ErrorResponseException invalidField(String field, String message) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", field + " " + message,
                Map.of("errors", java.util.List.of(Map.of("field", field, "message", message))));
    }

    public static ErrorResponseException problem(HttpStatus status, String title, String detail,
                                                 Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return new ErrorResponseException(status, problem, null);
    }
}
