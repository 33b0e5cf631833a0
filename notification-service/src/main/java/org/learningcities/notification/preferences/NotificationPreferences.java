package org.learningcities.notification.preferences;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The notification_preference table; a recipient without a row has the defaults. */
@Component
class NotificationPreferences {

    private final JdbcClient jdbc;

    NotificationPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Known from a contact event, or from preferences set before: a recipient's own switches outlive their copy. */
    boolean isKnown(String recipientId) {
        return jdbc.sql("""
                select exists (select 1 from recipient where recipient_id = :id)
                    or exists (select 1 from notification_preference where recipient_id = :id)""")
                .param("id", recipientId)
                .query(Boolean.class)
                .single();
    }

    Optional<PreferenceView> find(String recipientId) {
        return jdbc.sql("""
                select recipient_id, email_enabled, sms_enabled, in_app_enabled, time_zone, updated_at
                from notification_preference
                where recipient_id = ?""")
                .param(recipientId)
                .query(NotificationPreferences::view)
                .optional();
    }

    PreferenceView save(String recipientId, PreferenceChange change) {
        return jdbc.sql("""
                insert into notification_preference
                    (recipient_id, email_enabled, sms_enabled, in_app_enabled, time_zone, updated_at)
                values (:id, :email, :sms, :inApp, :timeZone, clock_timestamp())
                on conflict (recipient_id) do update set
                    email_enabled = excluded.email_enabled, sms_enabled = excluded.sms_enabled,
                    in_app_enabled = excluded.in_app_enabled, time_zone = excluded.time_zone,
                    updated_at = excluded.updated_at
                returning recipient_id, email_enabled, sms_enabled, in_app_enabled, time_zone, updated_at""")
                .param("id", recipientId)
                .param("email", change.email())
                .param("sms", change.sms())
                .param("inApp", change.inApp())
                .param("timeZone", change.timeZone())
                .query(NotificationPreferences::view)
                .single();
    }

    private static PreferenceView view(ResultSet row, int rowNumber) throws SQLException {
        return new PreferenceView(row.getString("recipient_id"), row.getBoolean("email_enabled"),
                row.getBoolean("sms_enabled"), row.getBoolean("in_app_enabled"), row.getString("time_zone"),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(), false);
    }
}
