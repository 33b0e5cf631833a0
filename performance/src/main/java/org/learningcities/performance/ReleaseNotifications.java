package org.learningcities.performance;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A released programme with a plenary on every approved delegate's agenda; each round moves that plenary and
 * releases the change, timed from the release's 201 to each affected delegate's {@code schedule-changed} e-mail
 * being accepted by the SMTP server (docs/notifications.md: one digest per person and release).
 */
final class ReleaseNotifications {

    /** "A change to your programme at …" and its plural; the "[Urgent]" prefix only for short notice. */
    static final String DIGEST_SUBJECT_PART = "to your programme at";
    private static final String APPROVED_SUBJECT_PART = "is approved";
    private static final Duration SESSION_LENGTH = Duration.ofMinutes(90);
    private static final int SESSIONS = 12;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(120);
    /** Registrations and approvals in flight while setting up: well below the gateway's bulkhead of 25 per service. */
    private static final int SET_UP_CONCURRENCY = 4;

    /**
     * @param perNotification release 201 to each digest accepted, over every round
     * @param timeToLast      release 201 to the round's last digest accepted, one value per round
     * @param missing         digests still missing when a round gave up waiting
     */
    record Result(int delegates, int rounds, Percentiles perNotification, List<Double> timeToLastMillis,
                  long missing) {

        Result {
            timeToLastMillis = List.copyOf(timeToLastMillis);
        }
    }

    /** The conference with its released programme, which the read measurements reuse. */
    record Programme(String conference, String plenary) {
    }

    private final MailDeliveries mail;
    private final BenchmarkPlan plan;
    private final HttpClient http = HttpClient.newHttpClient();

    ReleaseNotifications(MailDeliveries mail, BenchmarkPlan plan) {
        this.mail = mail;
        this.plan = plan;
    }

    /** Creates a conference with a programme of plenaries and releases it. */
    Programme releaseProgramme(GatewayApi api) {
        String conference = api.createConference("Release notifications benchmark", 100_000);
        String room = api.createRoom(conference, "Plenary Hall");
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            LocalDateTime start = GatewayApi.conferenceDay().plusDays(i / 4).atTime(LocalTime.of(9, 0))
                    .plusHours(2L * (i % 4));
            sessions.add(api.createPlenary(conference, room, start, SESSION_LENGTH));
        }
        // Released before anyone is approved, so this first release notifies nobody.
        api.release(conference);
        return new Programme(conference, sessions.getFirst());
    }

    /** Moves the first plenary and releases the change, once per round, timing the digests to {@code recipients}. */
    Result run(GatewayApi api, Programme programme, Set<String> recipients) {
        LatencyHistogram perNotification = new LatencyHistogram();
        List<Double> timeToLast = new ArrayList<>();
        long missing = 0;
        for (int round = 1; round <= plan.releaseRounds(); round++) {
            // Back and forth by half an hour within the plenary's free slot.
            LocalDateTime start = GatewayApi.conferenceDay().atTime(LocalTime.of(9, 0))
                    .plusMinutes(round % 2 == 1 ? 30 : 0);
            api.moveSession(programme.conference(), programme.plenary(), start, SESSION_LENGTH);
            Map<String, Instant> acceptedAt = new ConcurrentHashMap<>();
            mail.listen(delivery -> {
                if (delivery.subject().contains(DIGEST_SUBJECT_PART) && recipients.contains(delivery.recipient())) {
                    acceptedAt.putIfAbsent(delivery.recipient(), delivery.acceptedAt());
                }
            });
            Instant releasedAt;
            try {
                HttpResponse<String> released = http.send(api.releaseRequest(programme.conference()).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                releasedAt = Instant.now();
                if (released.statusCode() != 201) {
                    throw new IllegalStateException("The release answered " + released.statusCode() + ": "
                            + released.body());
                }
                long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
                while (acceptedAt.size() < recipients.size() && System.nanoTime() < deadline) {
                    GatewayApi.sleep(Duration.ofMillis(100));
                }
            } catch (IOException e) {
                throw new IllegalStateException("The release failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                mail.stopListening();
            }
            missing += recipients.size() - acceptedAt.size();
            Duration last = Duration.ZERO;
            for (Instant accepted : acceptedAt.values()) {
                Duration latency = Duration.between(releasedAt, accepted);
                perNotification.record(latency);
                last = latency.compareTo(last) > 0 ? latency : last;
            }
            double lastMillis = last.toNanos() / 1e6;
            timeToLast.add(lastMillis);
            System.out.printf("  release round %d: %d of %d digests, last after %s ms%n", round, acceptedAt.size(),
                    recipients.size(), Figures.millis(lastMillis));
        }
        return new Result(recipients.size(), plan.releaseRounds(), perNotification.percentiles(), timeToLast, missing);
    }

    /**
     * Registers and approves the delegates a few at a time (set-up, not a measurement), returning their addresses
     * once notification-service knows each is approved: it has sent them the approval e-mail.
     */
    Set<String> approveDelegates(GatewayApi api, String conference) {
        String run = Long.toString(System.currentTimeMillis(), 36);
        Set<String> delegates = IntStream.range(0, plan.releaseDelegates()).mapToObj(index -> address(run, index))
                .collect(Collectors.toUnmodifiableSet());
        Set<String> approvedMail = ConcurrentHashMap.newKeySet();
        mail.listen(delivery -> {
            if (delivery.subject().contains(APPROVED_SUBJECT_PART)) {
                approvedMail.add(delivery.recipient());
            }
        });
        try (ExecutorService setUp = Executors.newFixedThreadPool(SET_UP_CONCURRENCY)) {
            List<Future<?>> approvals = delegates.stream()
                    .<Future<?>>map(email -> setUp.submit(() -> api.approve(api.register(conference, email, null))))
                    .toList();
            for (Future<?> approval : approvals) {
                approval.get();
            }
            long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
            while (!approvedMail.containsAll(delegates) && System.nanoTime() < deadline) {
                GatewayApi.sleep(Duration.ofMillis(200));
            }
            return delegates;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not register and approve the delegates", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            mail.stopListening();
        }
    }

    private static String address(String run, int index) {
        return "release-" + run + "-" + index + "@perf.example";
    }
}
