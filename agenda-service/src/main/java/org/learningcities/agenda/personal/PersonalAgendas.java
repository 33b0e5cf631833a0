package org.learningcities.agenda.personal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.learningcities.agenda.conference.ConferenceCalendars;
import org.learningcities.web.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a delegate's agenda from the released programme: everything open to all delegates plus the
 * sessions they enrolled in. Drafts never show: only released_session is read.
 */
@Repository
class PersonalAgendas {

    private static final TypeReference<Map<String, String>> TITLES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ConferenceCalendars conferences;

    PersonalAgendas(JdbcClient jdbc, JsonMapper json, ConferenceCalendars conferences) {
        this.jdbc = jdbc;
        this.json = json;
        this.conferences = conferences;
    }

    /** The agenda, or a 404 problem for an unknown conference or a delegate not registered for it. */
    @Transactional(readOnly = true)
    PersonalAgenda of(String conferenceId, String registrationId) {
        var conference = conferences.require(conferenceId);
        List<String> languages = listeningLanguages(conferenceId, registrationId)
                .orElseThrow(() -> Problems.notFound("Delegate", registrationId));
        return new PersonalAgenda(conferenceId, registrationId, conference.zone(), languages,
                sessions(conferenceId, registrationId));
    }

    private Optional<List<String>> listeningLanguages(String conferenceId, String registrationId) {
        return jdbc.sql("select listening_languages from delegate where registration_id = ? and conference_id = ?")
                .params(registrationId, conferenceId)
                .query((row, rowNumber) -> strings(row.getArray("listening_languages")))
                .optional();
    }

    private List<AgendaSession> sessions(String conferenceId, String registrationId) {
        return jdbc.sql("""
                select s.session_id, s.type, s.region, s.titles::text as titles, s.room_id, s.room_name,
                       s.starts_at, s.ends_at, s.floor_languages, s.interpretation_languages, s.speakers,
                       s.sequence, e.status as enrolment,
                       -- The delegate's place in line: waiting enrolments of the session that arrived no later (the
                       -- numbering of enrolment_with_position), counted on the waiting-list index for their own
                       -- waitlisted sessions only, instead of numbering every session's whole list on each read.
                       case when e.status = 'WAITLISTED' then (
                           select count(*) from enrolment w
                           where w.session_id = e.session_id and w.status = 'WAITLISTED' and w.arrival <= e.arrival
                       )::integer end as waitlist_position
                from released_session s
                left join enrolment e on e.session_id = s.session_id and e.registration_id = :registrationId
                where s.conference_id = :conferenceId
                  and not s.cancelled
                  and (not s.enrolment_required or e.registration_id is not null)
                order by s.starts_at, s.ends_at, s.session_id""")
                .param("conferenceId", conferenceId)
                .param("registrationId", registrationId)
                .query(this::session)
                .list();
    }

    private AgendaSession session(ResultSet row, int rowNumber) throws SQLException {
        return new AgendaSession(
                row.getString("session_id"),
                row.getString("type"),
                row.getString("region"),
                json.readValue(row.getString("titles"), TITLES),
                row.getString("room_id"),
                row.getString("room_name"),
                instant(row, "starts_at"),
                instant(row, "ends_at"),
                strings(row.getArray("floor_languages")),
                strings(row.getArray("interpretation_languages")),
                strings(row.getArray("speakers")),
                row.getInt("sequence"),
                row.getString("enrolment"),
                row.getObject("waitlist_position", Integer.class));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
