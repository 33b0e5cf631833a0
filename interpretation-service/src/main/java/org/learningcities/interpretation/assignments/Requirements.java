package org.learningcities.interpretation.assignments;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.learningcities.interpretation.planning.BoothCoverage;
import org.learningcities.interpretation.planning.BoothNeed;
import org.learningcities.interpretation.planning.PlanningRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The booths a conference's released programme and confirmed bookings need. */
@Repository
class Requirements {

    private final JdbcClient jdbc;
    private final PlanningRules rules;

    Requirements(JdbcClient jdbc, RulesProperties rules) {
        this.jdbc = jdbc;
        this.rules = rules.rules();
    }

    PlanningRules rules() {
        return rules;
    }

    /** Empty while the conference itself is unknown: without its time zone there are no days to plan by. */
    Optional<Needs> of(String conferenceId) {
        Optional<ZoneId> zone = jdbc.sql("select time_zone from conference where conference_id = ?")
                .param(conferenceId).query(String.class).optional().map(ZoneId::of);
        if (zone.isEmpty()) {
            return Optional.empty();
        }
        List<Session> sessions = jdbc.sql("""
                select s.session_id, s.starts_at, s.ends_at, s.room_id, s.room_name, s.room_booths, s.cancelled,
                       s.floor_languages, s.interpretation_languages,
                       array(select x.language
                             from interpretation_request r
                             cross join unnest(r.languages) with ordinality as x(language, position)
                             where r.session_id = s.session_id and r.conference_id = s.conference_id
                               and r.status = 'CONFIRMED'
                             order by r.requested_at, r.request_id, x.position) as requested_languages
                from session s
                where s.conference_id = ?
                order by s.starts_at, s.session_id""")
                .param(conferenceId)
                .query((row, number) -> session(row))
                .list();
        List<BoothNeed> booths = new ArrayList<>();
        List<BoothCoverage> unplaceable = new ArrayList<>();
        for (Session session : sessions.stream().filter(session -> !session.cancelled()).toList()) {
            List<String> languages = session.boothLanguages();
            int capacity = session.roomBooths() == null ? 0 : session.roomBooths();
            List<String> placed = languages.subList(0, Math.min(capacity, languages.size()));
            Duration length = Duration.between(session.startsAt(), session.endsAt());
            LocalDate day = LocalDate.ofInstant(session.startsAt(), zone.get());
            for (String language : languages) {
                boolean bidirectional = session.floorLanguages().contains(language);
                int teamSize = rules.teamSize(bidirectional, length);
                if (placed.contains(language)) {
                    booths.add(new BoothNeed(session.sessionId(), conferenceId, language, session.startsAt(),
                            session.endsAt(), day, session.roomId(), session.floorLanguages(),
                            placed.stream().filter(other -> !other.equals(language)).toList(), bidirectional,
                            teamSize));
                } else {
                    unplaceable.add(new BoothCoverage(session.sessionId(), language, "UNCOVERED", List.of(), teamSize,
                            null, session.roomId() == null
                                    ? "The session has no room, so no interpretation booth."
                                    : "Not enough interpretation booths in " + session.roomName() + ": " + capacity
                                            + " for " + languages.size() + " languages."));
                }
            }
        }
        return Optional.of(new Needs(zone.get(), booths, unplaceable,
                sessions.stream().collect(Collectors.toMap(Session::sessionId, Function.identity()))));
    }

    private static Session session(ResultSet row) throws SQLException {
        return new Session(row.getString("session_id"), row.getTimestamp("starts_at").toInstant(),
                row.getTimestamp("ends_at").toInstant(), row.getString("room_id"), row.getString("room_name"),
                (Integer) row.getObject("room_booths"), row.getBoolean("cancelled"),
                strings(row.getArray("floor_languages")), strings(row.getArray("interpretation_languages")),
                strings(row.getArray("requested_languages")));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /**
     * @param booths      what the planner staffs
     * @param unplaceable booths the session's room cannot hold: uncovered whoever is on the roster
     * @param sessions    every session of the conference, cancelled ones too, by id
     */
    record Needs(ZoneId zone, List<BoothNeed> booths, List<BoothCoverage> unplaceable, Map<String, Session> sessions) {

        Needs {
            booths = List.copyOf(booths);
            unplaceable = List.copyOf(unplaceable);
            sessions = Map.copyOf(sessions);
        }
    }

    /** A released session as planning sees it; requested languages come from confirmed bookings. */
    record Session(String sessionId, Instant startsAt, Instant endsAt, String roomId, String roomName,
                   Integer roomBooths, boolean cancelled, List<String> floorLanguages,
                   List<String> interpretationLanguages, List<String> requestedLanguages) {

        Session {
            floorLanguages = List.copyOf(floorLanguages);
            interpretationLanguages = List.copyOf(interpretationLanguages);
            requestedLanguages = List.copyOf(requestedLanguages);
        }

        /** The programme's languages first, so a booking never takes the booth of a language the agenda promised. */
        List<String> boothLanguages() {
            LinkedHashSet<String> languages = new LinkedHashSet<>(interpretationLanguages);
            languages.addAll(requestedLanguages);
            return List.copyOf(languages);
        }
    }
}
