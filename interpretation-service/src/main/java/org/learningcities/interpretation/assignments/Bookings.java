package org.learningcities.interpretation.assignments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.learningcities.interpretation.assignments.Booking.Reason;
import org.learningcities.web.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Decides booking requests at once and keeps them; a confirmed one asks for its conference to be re-planned. */
@Service
class Bookings {

    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PlanningRoster roster;

    Bookings(JdbcClient jdbc, JsonMapper json, PlanningRoster roster) {
        this.jdbc = jdbc;
        this.json = json;
        this.roster = roster;
    }

    /** @param idempotencyKey the client's key for this attempt, or null */
    @Transactional
    Outcome book(String conferenceId, BookingRequest request, String idempotencyKey) {
        requireConference(conferenceId);
        if (idempotencyKey != null) {
            Optional<Booking> earlier = byKey(conferenceId, idempotencyKey);
            if (earlier.isPresent()) {
                return new Outcome(earlier.get(), true);
            }
        }
        // Locking the session serialises bookings for it, so two cannot both take its last booth.
        Session session = jdbc.sql("""
                select s.room_booths, s.room_name, s.cancelled, s.interpretation_languages,
                       array(select x.language
                             from interpretation_request r cross join unnest(r.languages) as x(language)
                             where r.session_id = s.session_id and r.conference_id = s.conference_id
                               and r.status = 'CONFIRMED') as booked_languages
                from session s where s.session_id = ? and s.conference_id = ?
                for update of s""")
                .params(request.sessionId(), conferenceId)
                .query((row, number) -> session(row))
                .optional()
                .orElseThrow(() -> Problems.unprocessable("Unknown session",
                        "No released session " + request.sessionId() + " in conference " + conferenceId + ".",
                        Map.of("errors", List.of(Map.of("field", "sessionId",
                                "message", "is not a released session of this conference")))));
        List<String> languages = request.canonicalLanguages();
        List<Reason> reasons = reasons(session, languages);
        // Microseconds, as PostgreSQL keeps it, so a replay answers exactly the first answer.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Booking booking = new Booking(UUID.randomUUID().toString(), conferenceId, request.sessionId(), languages,
                reasons.isEmpty() ? "CONFIRMED" : "UNFULFILLABLE", reasons, now);
        int inserted = jdbc.sql("""
                insert into interpretation_request
                    (request_id, conference_id, session_id, languages, status, reasons, requested_at, idempotency_key)
                values (?, ?, ?, cast(? as text[]), ?, cast(? as jsonb), ?, ?)
                on conflict (conference_id, idempotency_key) do nothing""")
                .params(booking.requestId(), conferenceId, booking.sessionId(), languages.toArray(String[]::new),
                        booking.status(), json.writeValueAsString(reasons), Timestamp.from(booking.requestedAt()),
                        idempotencyKey)
                .update();
        if (inserted == 0) {
            // A concurrent retry with the same key committed first: answer what it decided.
            return new Outcome(byKey(conferenceId, idempotencyKey).orElseThrow(), true);
        }
        if (booking.status().equals("CONFIRMED")) {
            jdbc.sql("""
                    insert into replan_request (conference_id, requested_at) values (?, clock_timestamp())
                    on conflict (conference_id) do update set requested_at = excluded.requested_at""")
                    .param(conferenceId).update();
        }
        return new Outcome(booking, false);
    }

    List<Booking> list(String conferenceId) {
        requireConference(conferenceId);
        return jdbc.sql("""
                        select * from interpretation_request where conference_id = ?
                        order by requested_at, request_id""")
                .param(conferenceId).query((row, number) -> booking(row)).list();
    }

    Optional<Booking> find(String conferenceId, String requestId) {
        return jdbc.sql("select * from interpretation_request where conference_id = ? and request_id = ?")
                .params(conferenceId, requestId).query((row, number) -> booking(row)).optional();
    }

    private List<Reason> reasons(Session session, List<String> languages) {
        List<Reason> reasons = new ArrayList<>();
        if (session.cancelled()) {
            reasons.add(new Reason("SESSION_CANCELLED", null, "The session is cancelled."));
        }
        Set<String> needed = new LinkedHashSet<>(session.interpretationLanguages());
        needed.addAll(session.bookedLanguages());
        needed.addAll(languages);
        int booths = session.roomBooths() == null ? 0 : session.roomBooths();
        if (needed.size() > booths) {
            reasons.add(new Reason("NOT_ENOUGH_BOOTHS", null, session.roomName() == null
                    ? "The session has no room, so no interpretation booth."
                    : "Not enough interpretation booths in " + session.roomName() + ": " + booths
                            + ", and the session would need " + needed.size() + "."));
        }
        Set<String> workedInto = roster.languagesWorkedInto(languages);
        languages.stream().filter(language -> !workedInto.contains(language))
                .forEach(language -> reasons.add(new Reason("NO_INTERPRETER", language,
                        "No interpreter on the roster works into " + language + ".")));
        return reasons;
    }

    private Optional<Booking> byKey(String conferenceId, String idempotencyKey) {
        return jdbc.sql("select * from interpretation_request where conference_id = ? and idempotency_key = ?")
                .params(conferenceId, idempotencyKey).query((row, number) -> booking(row)).optional();
    }

    private void requireConference(String conferenceId) {
        if (jdbc.sql("select count(*) from conference where conference_id = ?").param(conferenceId)
                .query(Integer.class).single() == 0) {
            throw Problems.notFound("Conference", conferenceId);
        }
    }

    private Booking booking(ResultSet row) throws SQLException {
        return new Booking(row.getString("request_id"), row.getString("conference_id"), row.getString("session_id"),
                Requirements.strings(row.getArray("languages")), row.getString("status"),
                json.readValue(row.getString("reasons"), REASONS), row.getTimestamp("requested_at").toInstant());
    }

    private static Session session(ResultSet row) throws SQLException {
        return new Session((Integer) row.getObject("room_booths"), row.getString("room_name"),
                row.getBoolean("cancelled"), Requirements.strings(row.getArray("interpretation_languages")),
                Requirements.strings(row.getArray("booked_languages")));
    }

    /** @param replayed whether an earlier request with the same Idempotency-Key made this booking */
    record Outcome(Booking booking, boolean replayed) {
    }

    private record Session(Integer roomBooths, String roomName, boolean cancelled, List<String> interpretationLanguages,
                           List<String> bookedLanguages) {
    }
}
