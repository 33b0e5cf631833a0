package org.learningcities.notification.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The notification table: what is to be sent to whom (the dispatcher's queue) and what became of it (the delivery log). */
@Component
public class Notifications {

    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Notifications(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Queues an e-mail in the caller's transaction, so it commits together with the handling of the
     * event that called for it. An event queues at most one e-mail per recipient, however often it is handled.
     */
    public void queueEmail(EmailRequest request) {
        jdbc.sql("""
                insert into notification
                    (id, event_id, recipient_id, conference_id, channel, template, language, parameters, status)
                values (:id, :eventId, :recipientId, :conferenceId, 'EMAIL', :template, :language,
                        cast(:parameters as jsonb), 'PENDING')
                on conflict (event_id, recipient_id, channel) do nothing""")
                .param("id", UUID.randomUUID())
                .param("eventId", request.eventId())
                .param("recipientId", request.recipientId())
                .param("conferenceId", request.conferenceId())
                .param("template", request.template().key())
                .param("language", CorrespondenceLanguage.forTag(request.requestedLanguage()).tag())
                .param("parameters", json.writeValueAsString(request.parameters()))
                .update();
    }

    /**
     * The pending e-mail due first whose recipient and conference are both known, locked until the
     * caller's transaction ends. Rows other instances hold are skipped, so several dispatchers share the work.
     * An e-mail whose contact or conference has not arrived yet is not due: it waits for them rather than
     * going out without an address, a name or the conference it is about.
     */
    Optional<DueEmail> lockNextDueEmail() {
        return jdbc.sql("""
                select n.id, n.template, n.parameters::text as parameters, n.attempts,
                       r.registration_id, r.given_name, r.family_name, r.email, r.correspondence_language,
                       c.title, c.city, c.start_date, c.end_date
                from notification n
                join recipient r on r.registration_id = n.recipient_id
                join conference c on c.conference_id = n.conference_id
                where n.channel = 'EMAIL' and n.status = 'PENDING' and n.next_attempt_at <= now()
                order by n.next_attempt_at
                limit 1
                for update of n skip locked""")
                .query(this::dueEmail)
                .optional();
    }

    void markSent(UUID id, String language) {
        jdbc.sql("""
                update notification
                set status = 'SENT', attempts = attempts + 1, language = ?, sent_at = clock_timestamp(),
                    next_attempt_at = null
                where id = ?""")
                .params(language, id)
                .update();
    }

    void scheduleRetry(UUID id, Duration backoff, String error) {
        jdbc.sql("""
                update notification
                set attempts = attempts + 1, last_error = ?,
                    next_attempt_at = clock_timestamp() + ? * interval '1 millisecond'
                where id = ?""")
                .params(error, backoff.toMillis(), id)
                .update();
    }

    void markFailed(UUID id, String error) {
        jdbc.sql("""
                update notification
                set status = 'FAILED', attempts = attempts + 1, last_error = ?, next_attempt_at = null
                where id = ?""")
                .params(error, id)
                .update();
    }

    List<NotificationView> forRecipient(String recipientId) {
        return jdbc.sql("""
                select id, recipient_id, conference_id, channel, template, language, status, attempts,
                       created_at, next_attempt_at, sent_at, last_error
                from notification
                where recipient_id = ?
                order by created_at desc, id""")
                .param(recipientId)
                .query(Notifications::view)
                .list();
    }

    Optional<NotificationView> find(UUID id) {
        return jdbc.sql("""
                select id, recipient_id, conference_id, channel, template, language, status, attempts,
                       created_at, next_attempt_at, sent_at, last_error
                from notification
                where id = ?""")
                .param(id)
                .query(Notifications::view)
                .optional();
    }

    private DueEmail dueEmail(ResultSet row, int rowNumber) throws SQLException {
        return new DueEmail(
                row.getObject("id", UUID.class),
                EmailTemplate.byKey(row.getString("template")),
                json.readValue(row.getString("parameters"), PARAMETERS),
                row.getInt("attempts"),
                new DueEmail.Recipient(row.getString("registration_id"), row.getString("given_name"),
                        row.getString("family_name"), row.getString("email"),
                        row.getString("correspondence_language")),
                new DueEmail.Conference(row.getString("title"), row.getString("city"),
                        row.getObject("start_date", LocalDate.class), row.getObject("end_date", LocalDate.class)));
    }

    private static NotificationView view(ResultSet row, int rowNumber) throws SQLException {
        return new NotificationView(
                row.getObject("id", UUID.class).toString(),
                row.getString("recipient_id"),
                row.getString("conference_id"),
                row.getString("channel"),
                row.getString("template"),
                row.getString("language"),
                row.getString("status"),
                row.getInt("attempts"),
                instant(row, "created_at"),
                instant(row, "next_attempt_at"),
                instant(row, "sent_at"),
                row.getString("last_error"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
