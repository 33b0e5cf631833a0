package org.learningcities.interpretation.assignments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The current plan as coordinators and interpreters read it. */
@Repository
class PlanViews {

    private static final TypeReference<Map<String, String>> TITLES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PlanViews(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Empty for an unknown conference. */
    Optional<Coverage> coverage(String conferenceId, CoverageStatus status) {
        Optional<ZoneId> zone = jdbc.sql("select time_zone from conference where conference_id = ?")
                .param(conferenceId).query(String.class).optional().map(ZoneId::of);
        return zone.map(venue -> new Coverage(conferenceId, venue.getId(), jdbc.sql("""
                        select b.session_id, b.booth_language, b.status, b.team_size, b.relay_language, b.reason,
                               cast(s.titles as text) as titles, s.starts_at, s.ends_at, s.room_id, s.room_name,
                               b.team, %s as team_names
                        from booth_coverage b join session s on s.session_id = b.session_id
                        where b.conference_id = :conferenceId and (cast(:status as text) is null or b.status = :status)
                        order by s.starts_at, b.session_id, b.booth_language""".formatted(teamNames("b.team")))
                .param("conferenceId", conferenceId)
                .param("status", status == null ? null : status.name())
                .query((row, number) -> new Coverage.Booth(row.getString("session_id"), title(row),
                        LocalAndUtc.of(row.getTimestamp("starts_at").toInstant(), venue),
                        LocalAndUtc.of(row.getTimestamp("ends_at").toInstant(), venue), room(row),
                        row.getString("booth_language"), CoverageStatus.valueOf(row.getString("status")), team(row),
                        row.getInt("team_size"), row.getString("relay_language"), row.getString("reason")))
                .list()));
    }

    /** Empty for an interpreter not on the roster. */
    Optional<InterpreterSchedule> schedule(String interpreterId) {
        return jdbc.sql("select given_name || ' ' || family_name from interpreter where interpreter_id = ?")
                .param(interpreterId).query(String.class).optional()
                .map(name -> new InterpreterSchedule(interpreterId, name, jdbc.sql("""
                                select a.session_id, a.booth_language, a.relay_language, s.conference_id, s.sequence,
                                       cast(s.titles as text) as titles, s.starts_at, s.ends_at, s.room_id,
                                       s.room_name, c.time_zone, b.team, %s as team_names
                                from assignment a
                                join session s on s.session_id = a.session_id
                                join conference c on c.conference_id = s.conference_id
                                join booth_coverage b
                                  on b.session_id = a.session_id and b.booth_language = a.booth_language
                                where a.interpreter_id = ? and not s.cancelled
                                order by s.starts_at, a.session_id""".formatted(teamNames("b.team")))
                        .param(interpreterId)
                        .query((row, number) -> {
                            ZoneId venue = ZoneId.of(row.getString("time_zone"));
                            return new InterpreterSchedule.Assignment(row.getString("session_id"),
                                    row.getString("conference_id"), row.getInt("sequence"), title(row),
                                    LocalAndUtc.of(row.getTimestamp("starts_at").toInstant(), venue),
                                    LocalAndUtc.of(row.getTimestamp("ends_at").toInstant(), venue), venue.getId(),
                                    room(row), row.getString("booth_language"), row.getString("relay_language"),
                                    team(row));
                        })
                        .list()));
    }

    /** The team's names in team order; someone who left the roster since keeps their id with an empty name. */
    private static String teamNames(String team) {
        return """
                array(select coalesce(i.given_name || ' ' || i.family_name, '')
                      from unnest(%s) with ordinality as t(interpreter_id, position)
                      left join interpreter i on i.interpreter_id = t.interpreter_id
                      order by t.position)""".formatted(team);
    }

    /** English when there is an English title, else the first by language tag, so it is the same every time. */
    private String title(ResultSet row) throws SQLException {
        TreeMap<String, String> titles = new TreeMap<>(json.readValue(row.getString("titles"), TITLES));
        return titles.getOrDefault("en", titles.isEmpty() ? null : titles.firstEntry().getValue());
    }

    private static Coverage.Room room(ResultSet row) throws SQLException {
        return row.getString("room_id") == null ? null
                : new Coverage.Room(row.getString("room_id"), row.getString("room_name"));
    }

    private static List<Coverage.Interpreter> team(ResultSet row) throws SQLException {
        List<String> ids = Requirements.strings(row.getArray("team"));
        List<String> names = Requirements.strings(row.getArray("team_names"));
        List<Coverage.Interpreter> team = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            team.add(new Coverage.Interpreter(ids.get(i), names.get(i)));
        }
        return team;
    }
}
