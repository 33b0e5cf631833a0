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

        assertThat(roomNames()).containsExactly("Plenary Hall");
    }

    @Test
    void recoversCommittedDataAfterBeingKilled() throws SQLException {
        try (Connection connection = postgres.openConnection("agenda");
             Statement statement = connection.createStatement()) {
            statement.execute("create table room (name text primary key)");
            statement.execute("insert into room values ('Plenary Hall')");
        }
        ProcessHandle postmaster = postgres.postmaster().orElseThrow();
        List<ProcessHandle> backends = postmaster.children().toList();

        postgres.kill();

        assertThat(postgres.isRunning()).isFalse();
        assertThat(postmaster.isAlive()).isFalse();
        assertThat(backends).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        postgres.start();
        assertThat(roomNames()).containsExactly("Plenary Hall");
    }

    @Test
    void measuresResidentMemoryOnlyWhileRunning() {
        assertThat(postgres.residentMemoryBytes()).isGreaterThan(10L * 1024 * 1024);

        postgres.stop();

        assertThat(postgres.residentMemoryBytes()).isZero();
    }

    private List<String> roomNames() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = postgres.openConnection("agenda");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select name from room")) {
            while (result.next()) {
                names.add(result.getString("name"));
            }
        }
        return names;
    }
}
