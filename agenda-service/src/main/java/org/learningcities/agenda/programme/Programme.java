package org.learningcities.agenda.programme;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.learningcities.agenda.conference.ConferenceDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the released programme; drafts never show here. */
@Repository
class Programme {

    private static final String SELECT = """
            select session_id, conference_id, type, region, titles, room_id, room_name, starts_at, ends_at,
                   floor_languages, interpretation_languages, speakers, capacity, enrolment_required, cancelled,
                   cancellation_reason, schedule_version, sequence
            from released_session""";

    private static final TypeReference<LinkedHashMap<String, String>> TITLES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Programme(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The latest schedule version of the conference, 0 before the first release. */
    int version(String conferenceId) {
        return jdbc.sql("select coalesce(max(version), 0) from schedule_release where conference_id = ?")
                .param(conferenceId)
                .query(Integer.class)
                .single();
    }

    List<ProgrammeSession> sessions(ConferenceDays days, ProgrammeFilter filter) {
        Instant from = filter.date() == null ? Instant.EPOCH : days.startOf(filter.date());
        Instant until = filter.date() == null ? Instant.parse("9999-12-31T00:00:00Z")
                : days.startOf(filter.date().plusDays(1));
        return jdbc.sql(SELECT + "\n" + """
                         where conference_id = :conferenceId
                           and starts_at >= :from and starts_at < :until
                           and (cast(:type as text) is null or type = :type)
                           and (cast(:language as text) is null or :language = any(floor_languages)
                                or :language = any(interpretation_languages))
                         order by starts_at, ends_at, room_name nulls last, session_id""")
                .param("conferenceId", days.conferenceId())
                .param("from", from.atOffset(ZoneOffset.UTC))
                .param("until", until.atOffset(ZoneOffset.UTC))
                .param("type", filter.type() == null ? null : filter.type().name())
                .param("language", filter.language())
                .query((row, number) -> session(row, days))
                .list();
    }

    Optional<ProgrammeSession> session(ConferenceDays days, String sessionId) {
        return jdbc.sql(SELECT + " where conference_id = ? and session_id = ?")
                .params(days.conferenceId(), sessionId)
                .query((row, number) -> session(row, days))
                .optional();
    }

    private ProgrammeSession session(ResultSet row, ConferenceDays days) throws SQLException {
        return new ProgrammeSession(
                row.getString("session_id"),
                row.getString("conference_id"),
                row.getString("type"),
                row.getString("region"),
                json.readValue(row.getString("titles"), TITLES),
                row.getString("room_id"),
                row.getString("room_name"),
                days.at(row.getObject("starts_at", OffsetDateTime.class).toInstant()),
                days.at(row.getObject("ends_at", OffsetDateTime.class).toInstant()),
                strings(row.getArray("floor_languages")),
                strings(row.getArray("interpretation_languages")),
                strings(row.getArray("speakers")),
                row.getObject("capacity", Integer.class),
                row.getBoolean("enrolment_required"),
                row.getBoolean("cancelled"),
                row.getString("cancellation_reason"),
                row.getInt("schedule_version"),
                row.getInt("sequence"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
