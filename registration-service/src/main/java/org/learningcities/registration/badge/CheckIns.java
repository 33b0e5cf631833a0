package org.learningcities.registration.badge;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CheckIns {

    private final JdbcClient jdbc;

    CheckIns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the check-in unless the delegate already checked in. A concurrent scan of the same badge
     * waits on the primary key until the first commits and then records nothing.
     *
     * @return true if this was the first scan
     */
    boolean recordFirst(BadgeClaims badge, Instant checkedInAt) {
        return jdbc.sql("""
                insert into check_in (registration_id, conference_id, badge_serial, checked_in_at)
                values (?, ?, ?, ?)
                on conflict (registration_id) do nothing""")
                .params(badge.registrationId(), badge.conferenceId(), badge.serial(), Timestamp.from(checkedInAt))
                .update() == 1;
    }

    Instant firstCheckedInAt(String registrationId) {
        return jdbc.sql("select checked_in_at from check_in where registration_id = ?")
                .param(registrationId)
                .query((rs, row) -> rs.getTimestamp("checked_in_at").toInstant())
                .single();
    }
}
