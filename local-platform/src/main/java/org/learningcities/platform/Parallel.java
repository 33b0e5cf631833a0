package org.learningcities.platform;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Starting and stopping components side by side, which is most of what makes the platform quick to start. */
final class Parallel {

    private Parallel() {
    }

    /**
     * Runs the tasks side by side and returns when all are done, or throws as soon as one fails: the caller then
     * closes the platform, which makes the remaining tasks end quickly instead of waiting for their timeouts.
     */
    static void runAll(Collection<Runnable> tasks) {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            CompletableFuture<Void> firstFailure = new CompletableFuture<>();
            CompletableFuture<?>[] running = tasks.stream()
                    .map(task -> CompletableFuture.runAsync(task, executor).whenComplete((done, failure) -> {
                        if (failure != null) {
                            firstFailure.completeExceptionally(failure);
                        }
                    }))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.anyOf(CompletableFuture.allOf(running), firstFailure).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            executor.shutdown();
        }
    }
}
