package org.learningcities.messaging;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;

/**
 * Creates the outbox and inbox tables in their own schema with their own migration history, so the
 * service's Flyway migrations and these never share version numbers.
 */
class MessagingSchemaMigration implements InitializingBean {

    private final DataSource dataSource;

    MessagingSchemaMigration(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("messaging")
                .defaultSchema("messaging")
                .locations("classpath:db/messaging")
                .table("messaging_schema_history")
                .load()
                .migrate();
    }
}
