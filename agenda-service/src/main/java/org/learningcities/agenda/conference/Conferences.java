package org.learningcities.agenda.conference;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The conference table. */
@Repository
class Conferences {

    private static final String COLUMNS = """
            id, title, city, country_code, venue, time_zone, start_date, end_date, languages,
            registration_opens, registration_closes, capacity, account_required""";

    private final JdbcClient jdbc;

    Conferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Conference conference) {
        jdbc.sql("insert into conference (" + COLUMNS + """
                        ) values (:id, :title, :city, :countryCode, :venue, :timeZone, :startDate, :endDate,
                                  :languages, :registrationOpens, :registrationCloses, :capacity, :accountRequired)""")
                .param("id", conference.id())
                .param("title", conference.title())
                .param("city", conference.city())
                .param("countryCode", conference.countryCode())
                .param("venue", conference.venue())
                .param("timeZone", conference.timeZone().getId())
                .param("startDate", conference.startDate())
                .param("endDate", conference.endDate())
                .param("languages", conference.languages().toArray(String[]::new))
                .param("registrationOpens", conference.registrationOpens().atOffset(ZoneOffset.UTC))
                .param("registrationCloses", conference.registrationCloses().atOffset(ZoneOffset.UTC))
                .param("capacity", conference.capacity())
                .param("accountRequired", conference.accountRequired())
                .update();
    }

    Optional<Conference> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from conference where id = ?")
                .param(id)
                .query(Conferences::conference)
                .optional();
    }

    List<Conference> allByStartDate() {
        return jdbc.sql("select " + COLUMNS + " from conference order by start_date, id")
                .query(Conferences::conference)
                .list();
    }

    private static Conference conference(ResultSet row, int rowNumber) throws SQLException {
        return new Conference(
                row.getString("id"),
                row.getString("title"),
                row.getString("city"),
                row.getString("country_code"),
                row.getString("venue"),
                ZoneId.of(row.getString("time_zone")),
                row.getObject("start_date", LocalDate.class),
                row.getObject("end_date", LocalDate.class),
                strings(row.getArray("languages")),
                row.getObject("registration_opens", OffsetDateTime.class).toInstant(),
                row.getObject("registration_closes", OffsetDateTime.class).toInstant(),
                row.getInt("capacity"),
                row.getBoolean("account_required"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
