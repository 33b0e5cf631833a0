package org.learningcities.interpretation;

import org.learningcities.testsupport.RealInfrastructure;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running service against a real PostgreSQL and a real Kafka broker. Every test class extends
 * this one, so they share one application context and one consumer in the service's group.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.apache.kafka=warn")
@AutoConfigureRestTestClient
public abstract class InterpretationIntegrationTest {

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "interpretation_test");
    }
}
