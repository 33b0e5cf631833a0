package org.learningcities.interpretation.roster;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Remembers which interpreter an {@code Idempotency-Key} created. Claiming a key inserts its row in the creating
 * transaction; a concurrent retry with the same key waits on that row and then finds the finished interpreter.
 */
@Repository
class IdempotencyKeys {

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty if the key is new and now claimed; otherwise what the earlier request with this key left. */
    Optional<Earlier> claim(String key, String fingerprint) {
        int claimed = jdbc.sql("""
                insert into interpreter_idempotency_key (idempotency_key, request_fingerprint) values (?, ?)
                on conflict (idempotency_key) do nothing""")
                .params(key, fingerprint)
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return jdbc.sql("select request_fingerprint, interpreter_id from interpreter_idempotency_key "
                        + "where idempotency_key = ?")
                .param(key)
                .query((rs, row) -> new Earlier(rs.getString("request_fingerprint"), rs.getString("interpreter_id")))
                .optional();
    }

    void complete(String key, String interpreterId) {
        jdbc.sql("update interpreter_idempotency_key set interpreter_id = ? where idempotency_key = ?")
                .params(interpreterId, key)
                .update();
    }

    record Earlier(String fingerprint, String interpreterId) {
    }
}
