package org.learningcities.interpretation.assignments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.learningcities.interpretation.planning.BoothCoverage;
import org.learningcities.interpretation.planning.PlannedAssignment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A conference's current plan: assignments and booth coverage, written only by the planner loop. */
@Repository
class Plans {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    Plans(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    List<CurrentAssignment> assignments(String conferenceId) {
        return jdbc.sql("""
                select session_id, booth_language, interpreter_id, relay_language, assigned_at
                from assignment where conference_id = ?""")
                .param(conferenceId)
                .query((row, number) -> new CurrentAssignment(new PlannedAssignment(row.getString("session_id"),
                        row.getString("booth_language"), row.getString("interpreter_id"),
                        row.getString("relay_language")), row.getTimestamp("assigned_at").toInstant()))
                .list();
    }

    List<CurrentCoverage> coverage(String conferenceId) {
        return jdbc.sql("""
                select session_id, booth_language, status, team, team_size, relay_language, reason,
                       planned_starts_at, planned_ends_at, planned_room_id
                from booth_coverage where conference_id = ?""")
                .param(conferenceId)
                .query((row, number) -> new CurrentCoverage(new BoothCoverage(row.getString("session_id"),
                        row.getString("booth_language"), row.getString("status"),
                        Requirements.strings(row.getArray("team")), row.getInt("team_size"),
                        row.getString("relay_language"), row.getString("reason")),
                        new Placement(row.getTimestamp("planned_starts_at").toInstant(),
                                row.getTimestamp("planned_ends_at").toInstant(), row.getString("planned_room_id"))))
                .list();
    }

    /** Must run in the planning transaction: the plan is replaced as a whole or not at all. */
    void replace(String conferenceId, Collection<CurrentAssignment> assignments, Collection<CurrentCoverage> coverage,
                 Instant changedAt) {
        jdbc.sql("delete from assignment where conference_id = ?").param(conferenceId).update();
        jdbc.sql("delete from booth_coverage where conference_id = ?").param(conferenceId).update();
        batches.batchUpdate("""
                insert into assignment
                    (session_id, conference_id, booth_language, interpreter_id, relay_language, assigned_at)
                values (?, ?, ?, ?, ?, ?)""", assignments.stream()
                .map(current -> new Object[] {current.assignment().sessionId(), conferenceId,
                        current.assignment().boothLanguage(), current.assignment().interpreterId(),
                        current.assignment().relayLanguage(), Timestamp.from(current.assignedAt())})
                .toList());
        batches.batchUpdate("""
                insert into booth_coverage
                    (session_id, conference_id, booth_language, status, team, team_size, relay_language, reason,
                     changed_at, planned_starts_at, planned_ends_at, planned_room_id)
                values (?, ?, ?, ?, cast(? as text[]), ?, ?, ?, ?, ?, ?, ?)""", coverage.stream()
                .map(current -> new Object[] {current.booth().sessionId(), conferenceId,
                        current.booth().boothLanguage(), current.booth().status(),
                        current.booth().team().toArray(String[]::new), current.booth().teamSize(),
                        current.booth().relayLanguage(), current.booth().reason(), Timestamp.from(changedAt),
                        Timestamp.from(current.plannedFor().startsAt()), Timestamp.from(current.plannedFor().endsAt()),
                        current.plannedFor().roomId()})
                .toList());
    }

    /** @param assignedAt when the interpreter first joined the booth */
    record CurrentAssignment(PlannedAssignment assignment, Instant assignedAt) {
    }

    /** @param plannedFor when and where the session was when the booth was planned */
    record CurrentCoverage(BoothCoverage booth, Placement plannedFor) {
    }

    record Placement(Instant startsAt, Instant endsAt, String roomId) {
    }
}
