package org.learningcities.notification.webhooks;

import static org.learningcities.notification.webhooks.WebhookSubscriptions.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The events partners are owed, one delivery per subscription, and every attempt at them. */
@Component
class WebhookDeliveries {

    private final JdbcClient jdbc;

    WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues the event for every active subscription that wants its type, in the caller's transaction.
     * A subscription already holding a delivery of this event gets no second one.
     */
    int queue(String eventId, String eventType, String document, Duration firstDelay) {
        jdbc.sql("""
                insert into webhook_event (event_id, event_type, document) values (?, ?, ?)
                on conflict (event_id) do nothing""")
                .params(eventId, eventType, document)
                .update();
        return jdbc.sql("""
                insert into webhook_delivery (id, subscription_id, event_id, status, next_attempt_at)
                select gen_random_uuid(), s.id, ?, 'PENDING', clock_timestamp() + ? * interval '1 millisecond'
                from webhook_subscription s
                where s.status = 'ACTIVE' and s.event_types @> array[cast(? as text)]
                on conflict (subscription_id, event_id) do nothing""")
                .params(eventId, firstDelay.toMillis(), eventType)
                .update();
    }

    /**
     * Reserves the delivery due first for {@code lease}, so other instances skip it while this one calls the
     * partner outside any transaction; rows being reserved elsewhere at this moment are skipped, not waited for.
     */
    Optional<ClaimedDelivery> claimNextDue(Duration lease) {
        return jdbc.sql("""
                update webhook_delivery d
                set locked_until = clock_timestamp() + ? * interval '1 millisecond'
                from webhook_subscription s, webhook_event e
                where d.id = (select id from webhook_delivery
                              where status = 'PENDING' and next_attempt_at <= now()
                                and (locked_until is null or locked_until < now())
                              order by next_attempt_at
                              limit 1
                              for update skip locked)
                  and s.id = d.subscription_id and e.event_id = d.event_id
                returning d.id, d.subscription_id, d.event_id, d.attempts, d.locked_until, s.url, s.secret, e.document""")
                .param(lease.toMillis())
                .query((row, rowNumber) -> new ClaimedDelivery(
                        row.getObject("id", UUID.class),
                        row.getObject("subscription_id", UUID.class),
                        row.getString("event_id"),
                        row.getInt("attempts") + 1,
                        row.getObject("locked_until", OffsetDateTime.class),
                        row.getString("url"),
                        row.getString("secret"),
                        row.getString("document")))
                .optional();
    }

    /**
     * Records an attempt and the delivery's new state, in the caller's transaction, if the delivery is still this
     * claim's: a subscription deleted or disabled meanwhile, or a lease lapsed and taken over, keeps its own state.
     */
    boolean record(ClaimedDelivery claim, Attempt attempt, String status, Instant nextAttemptAt) {
        boolean finished = nextAttemptAt == null;
        int updated = jdbc.sql("""
                update webhook_delivery
                set status = ?, attempts = ?, next_attempt_at = ?, locked_until = null, finished_at = ?
                where id = ? and status = 'PENDING' and locked_until = ?""")
                .params(status, claim.attempt(), utc(nextAttemptAt), finished ? utc(attempt.finishedAt()) : null,
                        claim.id(), claim.lease())
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("""
                insert into webhook_attempt
                    (delivery_id, number, attempted_at, duration_ms, http_status, error, outcome, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(claim.id(), claim.attempt(), utc(attempt.startedAt()), attempt.duration().toMillis(),
                        attempt.httpStatus(), attempt.error(), attempt.outcome().name(), utc(nextAttemptAt))
                .update();
        return true;
    }

    /** Stops everything still pending for a subscription, in the caller's transaction. */
    void cancelPending(UUID subscriptionId, Instant at) {
        jdbc.sql("""
                update webhook_delivery
                set status = 'CANCELLED', next_attempt_at = null, locked_until = null, finished_at = ?
                where subscription_id = ? and status = 'PENDING'""")
                .params(utc(at), subscriptionId)
                .update();
    }

    /** A subscription's deliveries, newest first, each with its attempts in order. */
    List<WebhookDeliveryView> history(UUID subscriptionId, int limit) {
        List<DeliveryRow> deliveries = jdbc.sql("""
                select d.id, d.event_id, e.event_type, d.status, d.created_at, d.next_attempt_at, d.finished_at
                from webhook_delivery d join webhook_event e on e.event_id = d.event_id
                where d.subscription_id = ?
                order by d.created_at desc, d.id
                limit ?""")
                .params(subscriptionId, limit)
                .query((row, rowNumber) -> new DeliveryRow(row.getObject("id", UUID.class), row.getString("event_id"),
                        row.getString("event_type"), row.getString("status"), instant(row, "created_at"),
                        instant(row, "next_attempt_at"), instant(row, "finished_at")))
                .list();
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<WebhookDeliveryView.AttemptView>> attempts = jdbc.sql("""
                select delivery_id, number, attempted_at, duration_ms, http_status, error, outcome, next_attempt_at
                from webhook_attempt
                where delivery_id = any(cast(? as uuid[]))
                order by delivery_id, number""")
                .param(deliveries.stream().map(delivery -> delivery.id().toString()).toArray(String[]::new))
                .query((row, rowNumber) -> Map.entry(row.getObject("delivery_id", UUID.class), attempt(row)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return deliveries.stream()
                .map(delivery -> new WebhookDeliveryView(delivery.id().toString(), delivery.eventId(),
                        delivery.eventType(), delivery.status(), delivery.createdAt(), delivery.nextAttemptAt(),
                        delivery.finishedAt(), attempts.getOrDefault(delivery.id(), List.of())))
                .toList();
    }

    private static WebhookDeliveryView.AttemptView attempt(ResultSet row) throws SQLException {
        return new WebhookDeliveryView.AttemptView(
                row.getInt("number"),
                instant(row, "attempted_at"),
                row.getLong("duration_ms"),
                row.getObject("http_status", Integer.class),
                row.getString("error"),
                row.getString("outcome"),
                instant(row, "next_attempt_at"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * A delivery reserved for one attempt.
     *
     * @param attempt the number of the attempt about to be made (1 for the first)
     * @param lease   until when it is reserved; also proves, when the outcome is recorded, that it still is
     */
    record ClaimedDelivery(UUID id, UUID subscriptionId, String eventId, int attempt, OffsetDateTime lease,
                           String url, String secret, String document) {
    }

    /** What happened when the partner was called. */
    record Attempt(Instant startedAt, Instant finishedAt, Integer httpStatus, String error, Outcome outcome) {

        Duration duration() {
            return Duration.between(startedAt, finishedAt);
        }
    }

    enum Outcome { DELIVERED, RETRY, FAILED, GONE }

    private record DeliveryRow(UUID id, String eventId, String eventType, String status, Instant createdAt,
                               Instant nextAttemptAt, Instant finishedAt) {
    }
}
