package org.learningcities.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Registers the problem+json error handling in every service that depends on this module. */
@AutoConfiguration
@Import(ProblemDetailsAdvice.class)
public class WebProblemsAutoConfiguration {
}
