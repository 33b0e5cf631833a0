package org.learningcities.agenda.enrolment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The enrolment table, and the released sessions and delegates it depends on. */
@Repository
class EnrolmentTable {

    private static final String ENROLMENT_COLUMNS = "session_id, registration_id, status, position, enrolled_at";
    private static final String SESSION = """
            select session_id, conference_id, starts_at, ends_at, capacity, enrolment_required, cancelled
            from released_session where session_id = ? and conference_id = ?""";

    private final JdbcClient jdbc;

    EnrolmentTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the delegate's replica row, so two enrolments of one delegate in overlapping sessions
     * cannot both pass the overlap check. Empty if the delegate is unknown for the conference.
     */
    Optional<String> lockDelegateStatus(String conferenceId, String registrationId) {
        return jdbc.sql("select status from delegate where registration_id = ? and conference_id = ? for update")
                .params(registrationId, conferenceId)
                .query(String.class)
                .optional();
    }

    /**
     * Locks the session's row until the transaction ends: seats are counted and taken one
     * transaction at a time, so two requests for the last seat cannot both get it.
     */
    Optional<SessionForEnrolment> lockSession(String conferenceId, String sessionId) {
        return jdbc.sql(SESSION + " for update")
                .params(sessionId, conferenceId)
                .query(EnrolmentTable::session)
                .optional();
    }

    Optional<SessionForEnrolment> findSession(String conferenceId, String sessionId) {
        return jdbc.sql(SESSION)
                .params(sessionId, conferenceId)
                .query(EnrolmentTable::session)
                .optional();
    }

    Optional<Enrolment> find(String sessionId, String registrationId) {
        return jdbc.sql("select " + ENROLMENT_COLUMNS
                        + " from enrolment_with_position where session_id = ? and registration_id = ?")
                .params(sessionId, registrationId)
                .query(EnrolmentTable::enrolment)
                .optional();
    }

    /** A session, not cancelled, that overlaps the given one and in which the delegate holds or awaits a seat. */
    Optional<String> overlappingEnrolment(String registrationId, SessionForEnrolment session) {
        return jdbc.sql("""
                select other.session_id
                from enrolment e join released_session other on other.session_id = e.session_id
                where e.registration_id = :registrationId
                  and other.session_id <> :sessionId
                  and not other.cancelled
                  and other.starts_at < :endsAt and other.ends_at > :startsAt
                order by other.starts_at, other.session_id
                limit 1""")
                .param("registrationId", registrationId)
                .param("sessionId", session.sessionId())
                .param("startsAt", utc(session.startsAt()))
                .param("endsAt", utc(session.endsAt()))
                .query(String.class)
                .optional();
    }

    int confirmedCount(String sessionId) {
        return jdbc.sql("select count(*) from enrolment where session_id = ? and status = 'CONFIRMED'")
                .param(sessionId)
                .query(Integer.class)
                .single();
    }

    void insert(SessionForEnrolment session, String registrationId, EnrolmentStatus status, Instant enrolledAt) {
        jdbc.sql("""
                insert into enrolment (session_id, registration_id, conference_id, status, enrolled_at)
                values (?, ?, ?, ?, ?)""")
                .params(session.sessionId(), registrationId, session.conferenceId(), status.name(), utc(enrolledAt))
                .update();
    }

    boolean delete(String sessionId, String registrationId) {
        return jdbc.sql("delete from enrolment where session_id = ? and registration_id = ?")
                .params(sessionId, registrationId)
                .update() == 1;
    }

    /** The registration ids at the head of the waiting list, first in line first. */
    List<String> headOfWaitingList(String sessionId, int howMany) {
        return jdbc.sql("""
                select registration_id from enrolment
                where session_id = ? and status = 'WAITLISTED'
                order by arrival
                limit ?""")
                .params(sessionId, howMany)
                .query(String.class)
                .list();
    }

    void confirm(String sessionId, String registrationId) {
        jdbc.sql("update enrolment set status = 'CONFIRMED' where session_id = ? and registration_id = ?")
                .params(sessionId, registrationId)
                .update();
    }

    /** Everyone enrolled in the session, in arrival order. */
    List<Enrolment> allOf(String sessionId) {
        return jdbc.sql("select " + ENROLMENT_COLUMNS + """
                         from enrolment_with_position where session_id = ?
                        order by arrival""")
                .param(sessionId)
                .query(EnrolmentTable::enrolment)
                .list();
    }

    private static SessionForEnrolment session(ResultSet row, int rowNumber) throws SQLException {
        return new SessionForEnrolment(
                row.getString("session_id"),
                row.getString("conference_id"),
                instant(row, "starts_at"),
                instant(row, "ends_at"),
                row.getObject("capacity", Integer.class),
                row.getBoolean("enrolment_required"),
                row.getBoolean("cancelled"));
    }

    private static Enrolment enrolment(ResultSet row, int rowNumber) throws SQLException {
        return new Enrolment(
                row.getString("session_id"),
                row.getString("registration_id"),
                EnrolmentStatus.valueOf(row.getString("status")),
                row.getObject("position", Integer.class),
                instant(row, "enrolled_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
