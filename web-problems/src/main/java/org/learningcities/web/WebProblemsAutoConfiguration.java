package org.learningcities.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the problem+json error handling in every service that depends on this module. Runs before
 * Spring MVC's auto-configuration so Boot's own, field-less problem handler backs off.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@Import(ProblemDetailsAdvice.class)
public class WebProblemsAutoConfiguration {

    /**
     * No client needs more than this for one JSON request (a whole conference programme is about
     * 30 KiB); a larger body is refused before it is buffered. Set {@code web.max-request-body}.
     */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
            @Value("${web.max-request-body:1MB}") DataSize maxRequestBody, JsonMapper json) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(maxRequestBody.toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
