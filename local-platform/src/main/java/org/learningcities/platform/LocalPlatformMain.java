package org.learningcities.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the whole platform locally and keeps it running until Ctrl-C. Run through {@code ./platform}, which
 * builds the services first and documents the flags ({@code ./platform --help}).
 */
public final class LocalPlatformMain {

    private LocalPlatformMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        configureLogging();
        LocalPlatformOptions options;
        try {
            options = LaunchArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        AtomicBoolean interrupted = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> interrupted.set(true)));

        System.out.println("Starting the local platform with data in " + options.dataDirectory());
        LocalPlatform platform;
        try {
            platform = LocalPlatform.start(options);
        } catch (RuntimeException e) {
            // After Ctrl-C during start-up every component fails because it is being stopped: nothing to explain.
            if (!interrupted.get()) {
                System.err.println();
                System.err.println("The local platform did not start: " + e.getMessage());
            }
            System.exit(1);
            return;
        }
        Instant launcherStart = ProcessHandle.current().info().startInstant().orElseThrow();
        System.out.println(StartupReport.of(platform, Duration.between(launcherStart, Instant.now())));
        // The platform's shutdown hook stops every process on Ctrl-C; until then there is nothing left to do.
        new CountDownLatch(1).await();
    }

    /** Short progress lines on standard output; -D options on the command line still win. */
    private static void configureLogging() {
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.logFile", "System.out");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.showLogName", "false");
        // Their progress messages are about internals; warnings still show.
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.io.zonky", "warn");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.com.icegreen", "warn");
    }
}
