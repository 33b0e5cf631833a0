package org.learningcities.performance.bare;

import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline for registrations: the least a Spring MVC endpoint can do to accept one, reading the same JSON and
 * inserting one row into PostgreSQL, without the gateway, security, validation, idempotency or an outbox. Run by
 * {@link org.learningcities.performance.BareInsertEndpoint} with the services' JVM options.
 */
@SpringBootApplication
public class BareInsertApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareInsertApplication.class, args);
    }

    @RestController
    static class Rows {

        private final JdbcClient jdbc;

        Rows(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @PostMapping("/rows")
        @ResponseStatus(HttpStatus.CREATED)
        Map<String, String> insert(@RequestBody Map<String, Object> registration) {
            UUID id = UUID.randomUUID();
            jdbc.sql("insert into registration (id, email, given_name, family_name) values (?, ?, ?, ?)")
                    .params(id, registration.get("email"), registration.get("givenName"),
                            registration.get("familyName"))
                    .update();
            return Map.of("id", id.toString());
        }
    }
}
