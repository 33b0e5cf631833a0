package org.learningcities.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL server per test JVM: a Testcontainers container where a Docker engine runs,
 * otherwise the embedded PostgreSQL binaries. Each caller gets its own database on it.
 */
public final class RealPostgres {

    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";
    private static Server server;

    private RealPostgres() {
    }

    /** JDBC URL of a database with this name, created if absent. */
    public static synchronized String database(String name) {
        if (server == null) {
            server = DockerClientFactory.instance().isDockerAvailable() ? container() : embedded();
        }
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!exists.next()) {
                statement.execute("create database \"" + name + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return server.jdbcUrl(name);
    }

    public static String username() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private interface Server {
        String jdbcUrl(String database);
    }

    private static Server container() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine")
                .withUsername(USER).withPassword(PASSWORD);
        container.start();
        return database -> "jdbc:postgresql://" + container.getHost() + ":"
                + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + database;
    }

    private static Server embedded() {
        try {
            // Under target/ so `mvn clean` removes it; a fresh directory per JVM keeps runs independent.
            Path dataDirectory = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "postgres-");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data directory is under target/
                }
            }));
            return database -> postgres.getJdbcUrl(USER, database);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }
}
