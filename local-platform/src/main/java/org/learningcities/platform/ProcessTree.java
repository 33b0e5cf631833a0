package org.learningcities.platform;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a process together with whatever it started, so nothing outlives the launcher. */
final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * Asks the process to terminate (SIGTERM), gives it {@code gracePeriod}, then kills it and its descendants.
     * The descendants are collected first because once the process is gone they are re-parented and cannot be
     * found any more.
     */
    static void stop(ProcessHandle process, Duration gracePeriod) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        if (!awaitExit(process, gracePeriod)) {
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Whether the process ended within the timeout. */
    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
