package org.learningcities.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring Boot test at the real Kafka broker and a real PostgreSQL database of this JVM, and at the
 * JWK set of {@link TestTokens}, so the service validates test tokens as it validates the authorization server's.
 */
public final class RealInfrastructure {

    private RealInfrastructure() {
    }

    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", RealKafka::bootstrapServers);
        registry.add("spring.datasource.url", () -> RealPostgres.database(database));
        registry.add("spring.datasource.username", RealPostgres::username);
        registry.add("spring.datasource.password", RealPostgres::password);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwkSetUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TestTokens.AUDIENCE);
    }
}
