package org.learningcities.interpretation;

import org.learningcities.testsupport.RealInfrastructure;
import org.learningcities.testsupport.TestTokens;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running service against a real PostgreSQL and a real Kafka broker. Every test class extends
 * this one, so they share one application context and one consumer in the service's group.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.apache.kafka=warn")
@AutoConfigureRestTestClient
@Import(InterpretationIntegrationTest.StaffByDefault.class)
public abstract class InterpretationIntegrationTest {

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "interpretation_test");
    }

    /**
     * Requests of the shared client act as staff (coordinator, secretariat, operations) unless they carry their own
     * Authorization header: most tests are about what the service does, not about who may ask. The token is minted
     * per request, since a test run can outlast one token's hour.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class StaffByDefault {

        @Bean
        RestTestClientBuilderCustomizer staffBearerUnlessAnotherCaller() {
            return builder -> builder.requestInterceptor((request, body, execution) -> {
                if (!request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
                    request.getHeaders().set(HttpHeaders.AUTHORIZATION, TestTokens.staffBearer());
                }
                return execution.execute(request, body);
            });
        }
    }
}
