package org.learningcities.notification;

import org.learningcities.testsupport.TestTokens;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Requests through the tests' MockMvc go through the service's real security filter chain. Unless a test sends its
 * own Authorization header (tests of who may do what do), they act as the staff account, with a token minted
 * afresh for every request so that a long test run never meets an expired one.
 */
@TestConfiguration(proxyBeanMethods = false)
class StaffTokenByDefault {

    @Bean
    MockMvcBuilderCustomizer staffTokenUnlessTheTestSendsOne() {
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/").with(request -> {
            if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
                request.addHeader(HttpHeaders.AUTHORIZATION, TestTokens.staffBearer());
            }
            return request;
        }));
    }
}
