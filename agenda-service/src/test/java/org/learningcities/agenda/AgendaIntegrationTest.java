package org.learningcities.agenda;

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
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The running service against a real PostgreSQL and a real Kafka broker. Every test class extends
 * this one, so they share one application context and one consumer in the service's group. The shared
 * client calls as the staff account unless a test says otherwise ({@link #as}, {@link #anonymous}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.level.org.apache.kafka=warn",
                // Lets a test see a programme stream's heartbeat without waiting fifteen seconds.
                "agenda.programme-changes.heartbeat-interval=1s"})
@AutoConfigureRestTestClient
@Import(AgendaIntegrationTest.StaffByDefault.class)
public abstract class AgendaIntegrationTest {

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "agenda_test");
    }

    /** The client calling with the given {@code Authorization} header value instead of the staff token. */
    protected static RestTestClient as(RestTestClient http, String authorization) {
        return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, authorization).build();
    }

    /** The client calling without any token. */
    protected static RestTestClient anonymous(RestTestClient http) {
        return http.mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION)).build();
    }

    /** Most tests are about what the service does, not who may ask: they call as the staff account. */
    @TestConfiguration(proxyBeanMethods = false)
    static class StaffByDefault {

        @Bean
        RestTestClientBuilderCustomizer staffAuthorization() {
            return builder -> builder.defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.staffBearer());
        }
    }
}
