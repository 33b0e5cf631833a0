package org.learningcities.registration.badge;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issued badges, and the registration facts a badge depends on. */
@Repository
class Badges {

    private final JdbcClient jdbc;

    Badges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The registration's workflow status, read from the registration table: badges follow it, never change it. */
    Optional<Holder> holder(String registrationId) {
        return jdbc.sql("select status from registration where registration_id = ?")
                .param(registrationId)
                .query((rs, row) -> new Holder(rs.getString("status")))
                .optional();
    }

    /** The badge not revoked, if one was issued. */
    Optional<BadgeClaims> valid(String registrationId) {
        return jdbc.sql("""
                select b.serial, b.issued_at, r.conference_id
                from badge b join registration r on r.registration_id = b.registration_id
                where b.registration_id = ? and b.revoked_at is null""")
                .param(registrationId)
                .query((rs, row) -> new BadgeClaims(registrationId, rs.getString("conference_id"), rs.getInt("serial"),
                        rs.getTimestamp("issued_at").toInstant()))
                .optional();
    }

    /**
     * Issues the next serial unless a valid badge exists. Concurrent callers collide on the
     * one-valid-badge index and the loser simply issues nothing.
     *
     * @return true if this call issued the badge
     */
    boolean issueNext(String registrationId, Instant issuedAt) {
        return jdbc.sql("""
                insert into badge (registration_id, serial, issued_at)
                select ?, coalesce(max(serial), 0) + 1, ? from badge where registration_id = ?
                on conflict do nothing""")
                .params(registrationId, Timestamp.from(issuedAt), registrationId)
                .update() == 1;
    }

    /** @return false if there was no valid badge to revoke */
    boolean revoke(String registrationId, Instant revokedAt) {
        return jdbc.sql("update badge set revoked_at = ? where registration_id = ? and revoked_at is null")
                .params(Timestamp.from(revokedAt), registrationId)
                .update() == 1;
    }

    record Holder(String status) {

        boolean approved() {
            return "APPROVED".equals(status);
        }
    }
}
