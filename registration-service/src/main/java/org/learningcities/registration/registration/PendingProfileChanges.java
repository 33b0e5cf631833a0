package org.learningcities.registration.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Profile changes held for the secretariat under a MODERATED rule. */
@Repository
class PendingProfileChanges {

    private static final TypeReference<Map<String, Object>> PATCH = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PendingProfileChanges(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void hold(PendingProfileChange change) {
        jdbc.sql("insert into profile_change (change_id, registration_id, changes, requested_at) "
                        + "values (?, ?, cast(? as jsonb), ?)")
                .params(change.changeId(), change.registrationId(), json.writeValueAsString(change.changes()),
                        Timestamp.from(change.requestedAt()))
                .update();
    }

    /** The change, locked so the secretariat accepts it once even when the request is repeated. */
    Optional<PendingProfileChange> findForUpdate(String registrationId, String changeId) {
        return jdbc.sql("""
                select change_id, registration_id, changes, requested_at, accepted_at from profile_change
                where registration_id = ? and change_id = ? for update""")
                .params(registrationId, changeId)
                .query((rs, row) -> new PendingProfileChange(rs.getString("change_id"), rs.getString("registration_id"),
                        json.readValue(rs.getString("changes"), PATCH), rs.getTimestamp("requested_at").toInstant(),
                        rs.getTimestamp("accepted_at") == null ? null : rs.getTimestamp("accepted_at").toInstant()))
                .optional();
    }

    void accept(String changeId, Instant acceptedAt, String acceptedBy) {
        jdbc.sql("update profile_change set accepted_at = ?, accepted_by = ? where change_id = ?")
                .params(Timestamp.from(acceptedAt), acceptedBy, changeId)
                .update();
    }

    /** @param acceptedAt null while the change waits for the secretariat */
    record PendingProfileChange(String changeId, String registrationId, Map<String, Object> changes,
                                Instant requestedAt, Instant acceptedAt) {
    }
}
