package org.learningcities.platform;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a process together with whatever it started, so nothing outlives the launcher. */
final class ProcessTree {

    /** SIGKILL cannot be ignored; only a process stuck in the kernel (e.g. on a hung disk) takes longer. */
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

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

    /**
     * Kills the process and its descendants at once (SIGKILL: no chance to clean up, as in a crash or an OOM
     * kill) and returns once all of them are gone, so their ports and file locks are free again.
     */
    static void kill(ProcessHandle process) {
        List<ProcessHandle> tree = Stream.concat(Stream.of(process), process.descendants()).toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle member : tree) {
            if (!awaitExit(member, KILL_TIMEOUT)) {
                throw new IllegalStateException("Process " + member.pid() + " still runs "
                        + KILL_TIMEOUT.toSeconds() + " s after SIGKILL");
            }
        }
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
