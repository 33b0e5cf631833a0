package org.learningcities.performance;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.learningcities.performance.bare.BareInsertApplication;
import org.learningcities.platform.LocalPlatform;

/**
 * The bare one-row-insert endpoint ({@link BareInsertApplication}) as a child JVM of its own, with its own
 * database in the platform's PostgreSQL, so its figures compare with a service's.
 */
final class BareInsertEndpoint implements AutoCloseable {

    private static final String DATABASE = "bare_insert";
    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final URI url;

    private BareInsertEndpoint(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    static BareInsertEndpoint start(LocalPlatform platform, int port, Path logFile) {
        createDatabase(platform);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // The same JVM options as every service of the platform, so the ratio compares like with like.
        command.addAll(LocalPlatform.SERVICE_JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BareInsertApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=" + platform.postgres().jdbcUrl(DATABASE),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.main.banner-mode=off"));
        try {
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            BareInsertEndpoint endpoint = new BareInsertEndpoint(process, URI.create("http://localhost:" + port));
            endpoint.awaitReady(logFile);
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the bare insert endpoint", e);
        }
    }

    URI rowsUrl() {
        return url.resolve("/rows");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void createDatabase(LocalPlatform platform) {
        try (Connection postgres = platform.postgres().openConnection("postgres");
             Statement statement = postgres.createStatement()) {
            statement.execute("drop database if exists " + DATABASE);
            statement.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the bare endpoint's database", e);
        }
        try (Connection database = platform.postgres().openConnection(DATABASE);
             Statement statement = database.createStatement()) {
            statement.execute("create table registration (id uuid primary key, email text not null,"
                    + " given_name text, family_name text, registered_at timestamptz not null default now())");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the bare endpoint's table", e);
        }
    }

    /** Ready once it answers HTTP at all: a GET of the POST-only path gets a 405 from Spring MVC. */
    private void awaitReady(Path logFile) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + READINESS_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The bare insert endpoint exited with code " + process.exitValue()
                        + "; see " + logFile);
            }
            try {
                http.send(HttpRequest.newBuilder(rowsUrl()).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                GatewayApi.sleep(Duration.ofMillis(200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("The bare insert endpoint was not ready within "
                + READINESS_TIMEOUT.toSeconds() + " s; see " + logFile);
    }
}
