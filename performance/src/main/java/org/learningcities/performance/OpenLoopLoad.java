package org.learningcities.performance;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends requests on a fixed schedule whatever the answers do (open loop): request {@code i} is due at
 * {@code start + i / rate}, and its latency runs from that intended time to its answer. A slow server therefore
 * shows in the latencies instead of quietly slowing the generator down (no coordinated omission); a generator
 * that cannot keep up shows in {@link StepResult#startLateness()}.
 */
final class OpenLoopLoad {

    /** More requests in flight than this count as errors: the server is far behind and the step has failed. */
    private static final int MAX_IN_FLIGHT = 4_000;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Different kinds of error kept for the report; their counts are kept, not each occurrence. */
    private static final int ERROR_KINDS = 5;
    private static final Pattern PROBLEM_DETAIL = Pattern.compile("\"detail\"\\s*:\\s*\"([^\"]*)\"");

    /** Hears each expected answer the moment it arrives, on the HTTP client's thread. */
    interface AnswerListener {
        AnswerListener NONE = (index, response) -> {
        };

        void answered(int index, HttpResponse<String> response);
    }

    private final HttpClient http;

    OpenLoopLoad(HttpClient http) {
        this.http = http;
    }

    /** An HTTP/1.1 client: a connection per request in flight, as many browsers behind a venue's Wi-Fi would open. */
    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    StepResult run(double ratePerSecond, Duration duration, int expectedStatus,
                   IntFunction<HttpRequest.Builder> requestFor) {
        return run(ratePerSecond, duration, expectedStatus, requestFor, AnswerListener.NONE);
    }

    StepResult run(double ratePerSecond, Duration duration, int expectedStatus,
                   IntFunction<HttpRequest.Builder> requestFor, AnswerListener listener) {
        int total = (int) Math.round(ratePerSecond * duration.toNanos() / 1e9);
        double intervalNanos = 1e9 / ratePerSecond;
        LatencyHistogram latency = new LatencyHistogram();
        LatencyHistogram lateness = new LatencyHistogram();
        AtomicLong succeeded = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastAnswerNanos = new AtomicLong();
        Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        CompletableFuture<?>[] answers = new CompletableFuture<?>[total];
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long sent = 0;

        for (int i = 0; i < total; i++) {
            long intended = start + (long) (i * intervalNanos);
            waitUntil(intended);
            lateness.recordNanos(System.nanoTime() - intended);
            if (!inFlight.tryAcquire()) {
                errors.incrementAndGet();
                count(errorKinds, "not sent: " + MAX_IN_FLIGHT + " requests in flight already");
                answers[i] = CompletableFuture.completedFuture(null);
                continue;
            }
            sent++;
            HttpRequest request = requestFor.apply(i).timeout(REQUEST_TIMEOUT).build();
            int index = i;
            answers[i] = http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .whenComplete((response, failure) -> {
                        long now = System.nanoTime();
                        inFlight.release();
                        lastAnswerNanos.accumulateAndGet(now, Math::max);
                        if (failure == null && response.statusCode() == expectedStatus) {
                            latency.recordNanos(now - intended);
                            succeeded.incrementAndGet();
                            listener.answered(index, response);
                        } else {
                            errors.incrementAndGet();
                            count(errorKinds, failure != null ? failure.toString()
                                    : "HTTP " + response.statusCode() + " " + detailOf(response.body()));
                        }
                    });
        }
        CompletableFuture.allOf(answers).exceptionally(failure -> null).join();
        long end = Math.max(lastAnswerNanos.get(), start + (long) (total * intervalNanos));
        double seconds = (end - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
        return new StepResult(ratePerSecond, sent, succeeded.get(), errors.get(),
                seconds > 0 ? succeeded.get() / seconds : 0, latency.percentiles(), lateness.percentiles(),
                cpuSeconds, seconds, errorKinds.entrySet().stream()
                        .map(kind -> kind.getKey() + " (×" + kind.getValue().sum() + ")").sorted().toList());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Parks until the deadline; the last stretch spins, as parking overshoots by tens of microseconds. */
    private static void waitUntil(long deadlineNanos) {
        long remaining;
        while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
            if (remaining > 100_000) {
                LockSupport.parkNanos(remaining - 50_000);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private static void count(Map<String, LongAdder> kinds, String error) {
        LongAdder count = kinds.get(error);
        if (count == null && kinds.size() < ERROR_KINDS) {
            count = kinds.computeIfAbsent(error, kind -> new LongAdder());
        }
        if (count != null) {
            count.increment();
        }
    }

    /** The problem's detail (the platform answers RFC 9457 problems), else the start of the body. */
    private static String detailOf(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        Matcher detail = PROBLEM_DETAIL.matcher(flat);
        if (detail.find()) {
            return detail.group(1);
        }
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }
}
