package org.learningcities.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process handling of a service, on a real child JVM running {@link ReadinessStub}. */
class ServiceProcessTest {

    @TempDir
    Path directory;

    private Path shutdownMarker;
    private ServiceProcess service;

    @BeforeEach
    void prepareService() throws IOException, URISyntaxException {
        int port = new FreePorts().any();
        shutdownMarker = directory.resolve("shutdown-marker");
        service = new ServiceProcess(PlatformService.AGENDA, stubJar(), port, List.of("-Xmx32m"),
                Map.of("SERVER_PORT", String.valueOf(port), "STUB_SHUTDOWN_MARKER", shutdownMarker.toString()),
                directory.resolve("agenda-service.log"), Duration.ofSeconds(30));
    }

    @AfterEach
    void stopService() {
        service.stop();
    }

    @Test
    void killEndsTheProcessAndItsChildrenWithoutAGracefulShutdown() {
        service.start();
        ProcessHandle jvm = ProcessHandle.current().children()
                .filter(child -> child.info().arguments().stream().flatMap(Stream::of)
                        .anyMatch(argument -> argument.endsWith("stub.jar")))
                .findFirst().orElseThrow();
        List<ProcessHandle> tree = Stream.concat(Stream.of(jvm), jvm.descendants()).toList();
        assertThat(tree).hasSizeGreaterThan(1);

        service.kill();

        assertThat(service.isRunning()).isFalse();
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(shutdownMarker).doesNotExist();
    }

    @Test
    void measuresResidentMemoryOnlyWhileRunning() {
        service.start();
        assertThat(service.residentMemoryBytes()).isGreaterThan(10L * 1024 * 1024);

        service.stop();

        assertThat(service.residentMemoryBytes()).isZero();
    }

    @Test
    void startsAgainOnTheSamePortAfterBeingKilled() throws Exception {
        service.start();
        service.kill();

        service.start();

        assertThat(service.isRunning()).isTrue();
        assertThat(readinessStatus()).isEqualTo(200);
    }

    private int readinessStatus() throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            URI readiness = service.url().resolve("/actuator/health/readiness");
            return http.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    /** A jar whose manifest runs the stub from this module's test classes. */
    private Path stubJar() throws IOException, URISyntaxException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, ReadinessStub.class.getName());
        Path testClasses = Path.of(ReadinessStub.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, testClasses.toUri().toString());
        Path jar = directory.resolve("stub.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
