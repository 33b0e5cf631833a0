package org.learningcities.interpretation.roster;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.learningcities.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** One thing wrong with one field, in the shape web-problems gives bean-validation errors. */
record FieldProblem(String field, String message) {

    /** 400 problem+json listing every problem at once, so the coordinator fixes them in one go. */
    static ErrorResponseException invalid(List<FieldProblem> problems) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request",
                problems.stream().map(problem -> problem.field() + " " + problem.message())
                        .collect(Collectors.joining("; ")),
                Map.of("errors", problems.stream()
                        .map(problem -> Map.of("field", problem.field(), "message", problem.message()))
                        .toList()));
    }
}
