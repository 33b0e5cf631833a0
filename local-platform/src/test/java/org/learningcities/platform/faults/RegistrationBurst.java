package org.learningcities.platform.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;

/**
 * Delegates registering at a steady rate through the gateway, as anonymous visitors (the conference needs no
 * account), each with a unique e-mail address and an {@code Idempotency-Key}. A request that fails in a way a real
 * client would retry (no answer, a time-out, 5xx, 429) is sent again with the same key and body after a jittered
 * exponential backoff, until it is accepted or {@link #GIVE_UP_AFTER} has passed. Open loop: a slow or failing
 * platform does not slow the arrivals down, as it would not at a registration opening.
 */
final class RegistrationBurst {

    /** Longer than any fault the tests inject plus a service's restart on two busy cores. */
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(240);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(4);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private final URI registrations;
    private final String label;
    private final int count;
    private final Duration interval;
    private final List<CompletableFuture<Registration>> sent = new ArrayList<>();
    private long startedAt;
    private Thread pacer;

    private RegistrationBurst(URI gateway, String conferenceId, String label, int count, int perSecond) {
        this.registrations = gateway.resolve("/api/conferences/" + conferenceId + "/registrations");
        this.label = label;
        this.count = count;
        this.interval = Duration.ofNanos(TimeUnit.SECONDS.toNanos(1) / perSecond);
    }

    /** Starts {@code count} registrations, {@code perSecond} a second, and returns at once. */
    static RegistrationBurst start(URI gateway, String conferenceId, String label, int count, int perSecond) {
        RegistrationBurst burst = new RegistrationBurst(gateway, conferenceId, label, count, perSecond);
        burst.startedAt = System.nanoTime();
        burst.pacer = Thread.ofVirtual().name("burst-" + label).start(burst::pace);
        return burst;
    }

    /** Blocks until roughly this share of the burst has been sent, to inject a fault in the middle of it. */
    void awaitSent(double share) {
        long target = startedAt + (long) (interval.toNanos() * count * share);
        LockSupport.parkNanos(target - System.nanoTime());
    }

    /** Waits for every registration to be accepted or given up. */
    Result awaitCompletion() throws InterruptedException {
        pacer.join();
        List<Registration> done = new ArrayList<>();
        for (CompletableFuture<Registration> registration : sent) {
            try {
                done.add(registration.get(GIVE_UP_AFTER.plus(REQUEST_TIMEOUT).toSeconds() * 2, TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("A registration of burst " + label + " did not finish", e);
            }
        }
        clients.close();
        return new Result(label, List.copyOf(done), Duration.ofNanos(System.nanoTime() - startedAt));
    }

    private void pace() {
        for (int i = 0; i < count; i++) {
            LockSupport.parkNanos(startedAt + i * interval.toNanos() - System.nanoTime());
            String email = label + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@faults.example";
            synchronized (sent) {
                sent.add(CompletableFuture.supplyAsync(() -> register(email), clients));
            }
        }
    }

    private Registration register(String email) {
        String key = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(registrations)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"givenName": "Ana", "familyName": "Restrepo", "email": "%s", "category": "CITY_EDUCATION_EXECUTIVE",
                         "countryCode": "CO", "city": "Medellín", "correspondenceLanguage": "es",
                         "listeningLanguages": ["es", "en"]}""".formatted(email)))
                .build();
        long firstAttempt = System.nanoTime();
        List<Failure> failures = new ArrayList<>();
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            String failure;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return new Registration(email, key, JsonPath.read(response.body(), "$.id"), failures,
                            Duration.ofNanos(System.nanoTime() - firstAttempt));
                }
                failure = "HTTP " + status + " " + titleOf(response.body());
                if (status / 100 != 5 && status != 429) {
                    failures.add(failureNow(failure + ": " + response.body()));
                    return new Registration(email, key, null, failures, Duration.ofNanos(System.nanoTime() - firstAttempt));
                }
            } catch (IOException e) {
                failure = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
            }
            failures.add(failureNow(failure));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - firstAttempt);
            if (elapsed.compareTo(GIVE_UP_AFTER) > 0 || Thread.currentThread().isInterrupted()) {
                return new Registration(email, key, null, failures, elapsed);
            }
            // Jittered, so clients that failed together do not all come back together.
            LockSupport.parkNanos((long) (backoff.toNanos() * ThreadLocalRandom.current().nextDouble(0.5, 1.0)));
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private Failure failureNow(String what) {
        return new Failure(what, Duration.ofNanos(System.nanoTime() - startedAt));
    }

    /** The title of an RFC 9457 problem, which says who answered what (the gateway's breaker, the service ...). */
    private static String titleOf(String body) {
        try {
            return JsonPath.read(body, "$.title");
        } catch (RuntimeException notAProblem) {
            return "(no problem title)";
        }
    }

    /** An attempt that did not get a 2xx answer: what it got instead, and when, counted from the burst's start. */
    record Failure(String what, Duration at) {

        /** The status and problem title of an answer, or the exception of an attempt that got none. */
        String kind() {
            int details = what.indexOf(": ");
            return details < 0 ? what : what.substring(0, details);
        }
    }

    /**
     * One delegate's registration as the client saw it.
     *
     * @param registrationId the id of the 2xx answer, or null when none came
     * @param failures       what each unsuccessful attempt got, in order (a retry followed each but the last)
     * @param took           from the first attempt until the 2xx answer or giving up
     */
    record Registration(String email, String idempotencyKey, String registrationId, List<Failure> failures,
                        Duration took) {

        boolean accepted() {
            return registrationId != null;
        }

        boolean retried() {
            return accepted() ? !failures.isEmpty() : failures.size() > 1;
        }
    }

    /** The whole burst as the clients saw it. */
    record Result(String label, List<Registration> registrations, Duration took) {

        List<Registration> accepted() {
            return registrations.stream().filter(Registration::accepted).toList();
        }

        List<Registration> notAccepted() {
            return registrations.stream().filter(registration -> !registration.accepted()).toList();
        }

        long retriedRequests() {
            return registrations.stream().filter(Registration::retried).count();
        }

        long retries() {
            return registrations.stream()
                    .mapToLong(registration -> registration.accepted() ? registration.failures().size()
                            : Math.max(0, registration.failures().size() - 1))
                    .sum();
        }

        Duration slowestAcceptance() {
            return accepted().stream().map(Registration::took).max(Duration::compareTo).orElse(Duration.ZERO);
        }

        /** How often each kind of failed attempt happened, e.g. {HTTP 503=12, HttpTimeoutException=3}. */
        Map<String, Long> failureKinds() {
            return failures().map(Failure::kind)
                    .collect(Collectors.groupingBy(kind -> kind, TreeMap::new, Collectors.counting()));
        }

        /** From the first failed attempt to the last, counted from the burst's start: when the fault was felt. */
        String failureWindow() {
            List<Duration> times = failures().map(Failure::at).sorted().toList();
            return times.isEmpty() ? "none" : "%.1f-%.1f s".formatted(times.getFirst().toMillis() / 1000.0,
                    times.getLast().toMillis() / 1000.0);
        }

        private java.util.stream.Stream<Failure> failures() {
            return registrations.stream().flatMap(registration -> registration.failures().stream());
        }

        String summary() {
            return ("%s: %d registrations in %.1f s, %d accepted, %d not accepted, %d requests retried (%d retries: %s,"
                    + " failed attempts at %s), slowest acceptance %.1f s")
                    .formatted(label, registrations.size(), took.toMillis() / 1000.0, accepted().size(),
                            notAccepted().size(), retriedRequests(), retries(), failureKinds(), failureWindow(),
                            slowestAcceptance().toMillis() / 1000.0);
        }
    }
}
