package org.learningcities.interpretation.programme;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The enrolment table: who holds a seat in, waits for, or left each session that requires enrolment. */
@Repository
class EnrolmentCopies {

    static final String CONFIRMED = "CONFIRMED";
    static final String WAITLISTED = "WAITLISTED";
    static final String CANCELLED = "CANCELLED";

    private final JdbcClient jdbc;

    EnrolmentCopies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Latest wins by the time agenda-service gives the change, so a replayed older event cannot undo a newer one;
     * of two changes at the same instant, the one consumed last (the later on the session's partition) wins.
     */
    void save(String sessionId, String registrationId, String status, Instant occurredAt) {
        jdbc.sql("""
                insert into enrolment (session_id, registration_id, status, changed_at)
                values (:sessionId, :registrationId, :status, coalesce(:changedAt, now()))
                on conflict (session_id, registration_id) do update set
                    status = excluded.status, changed_at = excluded.changed_at
                where enrolment.changed_at <= excluded.changed_at""")
                .param("sessionId", sessionId)
                .param("registrationId", registrationId)
                .param("status", status)
                .param("changedAt", occurredAt == null ? null : Timestamp.from(occurredAt))
                .update();
    }
}
