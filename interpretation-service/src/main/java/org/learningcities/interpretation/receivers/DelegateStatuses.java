package org.learningcities.interpretation.receivers;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delegate table: where each registration stands, as registration-service last reported it. */
@Repository
class DelegateStatuses {

    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";
    static final String WITHDRAWN = "WITHDRAWN";

    private final JdbcClient jdbc;

    DelegateStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Latest wins by the time registration-service gives the change, so a replayed older event (a registration
     * after the approval) cannot bring back an old status.
     *
     * @param status PENDING or WAITLISTED from a registration, otherwise APPROVED, REJECTED or WITHDRAWN
     */
    void save(String registrationId, String conferenceId, String status, Instant changedAt) {
        jdbc.sql("""
                insert into delegate (registration_id, conference_id, status, changed_at)
                values (:registrationId, :conferenceId, :status, coalesce(:changedAt, now()))
                on conflict (registration_id) do update set
                    conference_id = excluded.conference_id, status = excluded.status, changed_at = excluded.changed_at
                where delegate.changed_at <= excluded.changed_at""")
                .param("registrationId", registrationId)
                .param("conferenceId", conferenceId)
                .param("status", status)
                .param("changedAt", changedAt == null ? null : Timestamp.from(changedAt))
                .update();
    }
}
