package org.learningcities.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Registers the problem+json error handling in every service that depends on this module. Runs before
 * Spring MVC's auto-configuration so Boot's own, field-less problem handler backs off.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@Import(ProblemDetailsAdvice.class)
public class WebProblemsAutoConfiguration {
}
