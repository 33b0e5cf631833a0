package org.learningcities.registration.registration;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Remembers which registration an {@code Idempotency-Key} produced. Claiming a key inserts its row
 * in the registering transaction; a concurrent retry with the same key waits on that row and then
 * finds the finished registration instead of creating a second one.
 */
@Repository
class IdempotencyKeys {

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty if the key is new and now claimed; otherwise what the earlier request with this key left. */
    Optional<Earlier> claim(String conferenceId, String key, String fingerprint) {
        int claimed = jdbc.sql("""
                insert into idempotency_key (conference_id, idempotency_key, request_fingerprint) values (?, ?, ?)
                on conflict (conference_id, idempotency_key) do nothing""")
                .params(conferenceId, key, fingerprint)
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return jdbc.sql("select request_fingerprint, registration_id from idempotency_key "
                        + "where conference_id = ? and idempotency_key = ?")
                .params(conferenceId, key)
                .query((rs, row) -> new Earlier(rs.getString("request_fingerprint"), rs.getString("registration_id")))
                .optional();
    }

    void complete(String conferenceId, String key, String registrationId) {
        jdbc.sql("update idempotency_key set registration_id = ? where conference_id = ? and idempotency_key = ?")
                .params(registrationId, conferenceId, key)
                .update();
    }

    record Earlier(String fingerprint, String registrationId) {
    }
}
