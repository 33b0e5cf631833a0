package org.learningcities.agenda.conference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.learningcities.web.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Conference days and time zone for the programme's features, which must not reach into the conference table. */
@Repository
public class ConferenceCalendars {

    private final JdbcClient jdbc;

    ConferenceCalendars(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The conference, or a 404 problem naming it. */
    public ConferenceDays require(String conferenceId) {
        return jdbc.sql("select id, time_zone, start_date, end_date from conference where id = ?")
                .param(conferenceId)
                .query(ConferenceCalendars::days)
                .optional()
                .orElseThrow(() -> Problems.notFound("Conference", conferenceId));
    }

    /** The conference with its title and official languages, or a 404 problem naming it. */
    public ConferenceHeading requireHeading(String conferenceId) {
        return jdbc.sql("select id, time_zone, start_date, end_date, title, languages from conference where id = ?")
                .param(conferenceId)
                .query((row, rowNumber) -> new ConferenceHeading(days(row, rowNumber), row.getString("title"),
                        List.of((String[]) row.getArray("languages").getArray())))
                .optional()
                .orElseThrow(() -> Problems.notFound("Conference", conferenceId));
    }

    /**
     * Like {@link #require}, and holds the conference's row lock until the transaction ends. Every
     * change to a conference's programme takes it first, so two organisers cannot both book the last
     * free hour of a room, and releases are numbered without gaps or duplicates.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ConferenceDays lockForScheduling(String conferenceId) {
        return jdbc.sql("select id, time_zone, start_date, end_date from conference where id = ? for update")
                .param(conferenceId)
                .query(ConferenceCalendars::days)
                .optional()
                .orElseThrow(() -> Problems.notFound("Conference", conferenceId));
    }

    private static ConferenceDays days(ResultSet row, int rowNumber) throws SQLException {
        return new ConferenceDays(row.getString("id"), ZoneId.of(row.getString("time_zone")),
                row.getObject("start_date", LocalDate.class), row.getObject("end_date", LocalDate.class));
    }
}
