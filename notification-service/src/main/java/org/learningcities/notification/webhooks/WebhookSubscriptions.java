package org.learningcities.notification.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The webhook_subscription table. */
@Component
class WebhookSubscriptions {

    private static final String COLUMNS = """
            id, url, event_types, description, status, created_at, disabled_at, disabled_reason""";

    private final JdbcClient jdbc;

    WebhookSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    WebhookSubscriptionView create(String owner, String url, List<String> eventTypes, String secret,
                                   String description) {
        return jdbc.sql("""
                insert into webhook_subscription (id, owner, url, event_types, secret, description, status)
                values (?, ?, ?, ?, ?, ?, 'ACTIVE')
                returning\s""" + COLUMNS)
                .params(UUID.randomUUID(), owner, url, eventTypes.toArray(String[]::new), secret, description)
                .query(WebhookSubscriptions::view)
                .single();
    }

    List<WebhookSubscriptionView> all() {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription order by created_at desc, id")
                .query(WebhookSubscriptions::view)
                .list();
    }

    List<WebhookSubscriptionView> ownedBy(String owner) {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription where owner = ? order by created_at desc, id")
                .param(owner)
                .query(WebhookSubscriptions::view)
                .list();
    }

    /** The client that created the subscription; empty when it does not exist or predates recorded owners. */
    Optional<String> ownerOf(UUID id) {
        return jdbc.sql("select owner from webhook_subscription where id = ? and owner is not null")
                .param(id)
                .query(String.class)
                .optional();
    }

    boolean exists(UUID id) {
        return jdbc.sql("select exists (select 1 from webhook_subscription where id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    Optional<WebhookSubscriptionView> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription where id = ?")
                .param(id)
                .query(WebhookSubscriptions::view)
                .optional();
    }

    /** Removes the subscription with its secret and history; its pending deliveries go with it. */
    boolean delete(UUID id) {
        return jdbc.sql("delete from webhook_subscription where id = ?").param(id).update() == 1;
    }

    boolean anyActiveWants(String eventType) {
        return jdbc.sql("""
                select exists (select 1 from webhook_subscription
                               where status = 'ACTIVE' and event_types @> array[cast(? as text)])""")
                .param(eventType)
                .query(Boolean.class)
                .single();
    }

    void disable(UUID id, String reason, Instant at) {
        jdbc.sql("""
                update webhook_subscription set status = 'DISABLED', disabled_reason = ?, disabled_at = ?
                where id = ? and status = 'ACTIVE'""")
                .params(reason, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), id)
                .update();
    }

    private static WebhookSubscriptionView view(ResultSet row, int rowNumber) throws SQLException {
        return new WebhookSubscriptionView(
                row.getObject("id", UUID.class).toString(),
                row.getString("url"),
                Arrays.asList((String[]) row.getArray("event_types").getArray()),
                row.getString("description"),
                row.getString("status"),
                instant(row, "created_at"),
                instant(row, "disabled_at"),
                row.getString("disabled_reason"));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
