package org.learningcities.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One service or the gateway, running from its runnable jar as a child process. */
public final class ServiceProcess {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

    private static final Duration SHUTDOWN_GRACE_PERIOD = Duration.ofSeconds(20);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final PlatformService service;
    private final Path jar;
    private final int port;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private final Path logFile;
    private final Duration readinessTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    private volatile Process process;
    private volatile long logOffsetAtLaunch;

    ServiceProcess(PlatformService service, Path jar, int port, List<String> jvmOptions,
                   Map<String, String> environment, Path logFile, Duration readinessTimeout) {
        this.service = service;
        this.jar = jar;
        this.port = port;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
        this.readinessTimeout = readinessTimeout;
    }

    /** Starts the service and returns once it reports itself ready. */
    public void start() {
        launch();
        awaitReady();
    }

    /** Stops the service gracefully (SIGTERM), killing it and its descendants after a grace period. */
    public synchronized void stop() {
        Process running = process;
        process = null;
        if (running != null) {
            ProcessTree.stop(running.toHandle(), SHUTDOWN_GRACE_PERIOD);
        }
    }

    /**
     * Kills the service and its descendants (SIGKILL, no grace: no shutdown hooks, no graceful Kafka or database
     * disconnect, as in a crash) and returns once they are gone. {@link #start()} brings it back on the same port.
     */
    public synchronized void kill() {
        Process running = process;
        process = null;
        if (running != null) {
            ProcessTree.kill(running.toHandle());
        }
    }

    public boolean isRunning() {
        Process running = process;
        return running != null && running.isAlive();
    }

    public PlatformService service() {
        return service;
    }

    /**
     * Resident memory of the service's process and its descendants, measured as {@link ResidentMemory}
     * does (proportional set size: shared pages split among the processes sharing them); 0 when it is not running.
     */
    public long residentMemoryBytes() {
        Process running = process;
        return running == null ? 0 : ResidentMemory.bytesOfTrees(List.of(running.toHandle()));
    }

    public int port() {
        return port;
    }

    public URI url() {
        return URI.create("http://localhost:" + port);
    }

    public Path logFile() {
        return logFile;
    }

    /** Starts the process without waiting, so several services can boot side by side. */
    synchronized void launch() {
        if (isRunning()) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            throw new PlatformStartupException("No runnable jar for " + service + " at " + jar
                    + ". Build it with ./mvnw -B package -DskipTests -pl local-platform -am (./platform does).");
        }
        // Otherwise the readiness probe could be answered by whatever holds the port, e.g. a leftover service.
        if (!FreePorts.isFree(port)) {
            throw new PlatformStartupException(service + " cannot listen on port " + port + ": it is in use already."
                    + " Is an earlier platform still running? Stop it, or choose another port.");
        }
        List<String> arguments = new ArrayList<>(jvmOptions);
        arguments.addAll(List.of("-jar", jar.toString()));
        logOffsetAtLaunch = LogFile.size(logFile);
        Process started = ChildJvm.start(arguments, environment, logFile);
        process = started;
    }

    /** Waits until {@code /actuator/health/readiness} answers 200, failing fast if the process dies. */
    void awaitReady() {
        URI readiness = url().resolve("/actuator/health/readiness");
        HttpRequest request = HttpRequest.newBuilder(readiness).timeout(PROBE_TIMEOUT).GET().build();
        long deadline = System.nanoTime() + readinessTimeout.toNanos();
        String lastAnswer = "no answer yet";
        while (System.nanoTime() < deadline) {
            Process running = process;
            if (running == null || !running.isAlive()) {
                String exit = running == null ? "was stopped" : "exited with code " + running.exitValue();
                throw new PlatformStartupException(service + " " + exit + " before it was ready. "
                        + LogFile.explain(logFile, logOffsetAtLaunch));
            }
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    running.onExit().thenAccept(this::warnIfUnexpected);
                    log.info("{} ready at {}", service, url());
                    return;
                }
                lastAnswer = "HTTP " + response.statusCode();
            } catch (IOException e) {
                lastAnswer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlatformStartupException("Interrupted while waiting for " + service, e);
            }
            Sleep.briefly();
        }
        throw new PlatformStartupException(service + " was not ready within " + readinessTimeout.toSeconds()
                + " s (GET " + readiness + ": " + lastAnswer + "). " + LogFile.explain(logFile, logOffsetAtLaunch));
    }

    private void warnIfUnexpected(Process exited) {
        if (exited == process) {
            log.warn("{} exited unexpectedly with code {}; see {}", service, exited.exitValue(), logFile);
        }
    }
}
