package org.learningcities.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    private static final List<String> DATABASES = List.of("agenda", "registration", "interpretation", "notification");

    @TempDir
    Path dataDirectory;

    private PostgresServer postgres;

    @BeforeEach
    void startPostgres() {
        postgres = new PostgresServer(dataDirectory.resolve("postgres"), new FreePorts().any(),
                dataDirectory.resolve("postgres.log"), DATABASES);
        postgres.start();
    }

    @AfterEach
    void stopPostgres() {
        postgres.stop();
    }

    @Test
    void createsOneDatabasePerService() throws SQLException {
        List<String> databases = new ArrayList<>();
        try (Connection connection = postgres.openConnection("postgres");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select datname from pg_database")) {
            while (result.next()) {
                databases.add(result.getString(1));
            }
        }

        assertThat(databases).containsAll(DATABASES);
    }

    @Test
    void keepsTablesAcrossARestart() throws SQLException {
        try (Connection connection = postgres.openConnection("agenda");
             Statement statement = connection.createStatement()) {
            statement.execute("create table room (name text primary key)");
            statement.execute("insert into room values ('Plenary Hall')");
        }

        postgres.stop();
        postgres.start();

        try (Connection connection = postgres.openConnection("agenda");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select name from room")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString("name")).isEqualTo("Plenary Hall");
        }
    }
}
