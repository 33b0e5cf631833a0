package org.learningcities.registration.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Array;
import java.util.Arrays;
import java.util.List;

import org.learningcities.registration.country.UnescoRegion;
import org.learningcities.registration.registration.RegistrationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delegate list forum organisers work from in a spreadsheet. Only what they need to seat and
 * address delegates: never contact details, needs or passport data.
 */
@Repository
class DelegateExport {

    static final List<String> HEADER = List.of("id", "given name", "family name", "organisation", "position",
            "category", "country", "region", "city", "correspondence language", "listening languages",
            "delegation id");

    private final JdbcClient jdbc;

    DelegateExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Streams rows as they are read, so a 100,000-delegate export does not sit in memory. */
    void write(String conferenceId, RegistrationStatus status, UnescoRegion region, Writer out) {
        write(out, CsvRow.of(HEADER));
        jdbc.sql("""
                select registration_id, given_name, family_name, organisation, position, category, country_code,
                       region, city, correspondence_language, listening_languages, delegation_id
                from registration
                where conference_id = :conference and status = :status
                  and (cast(:region as text) is null or region = :region)
                order by region, country_code, family_name, given_name, registration_id""")
                .param("conference", conferenceId)
                .param("status", status.name())
                .param("region", region == null ? null : region.name())
                .query(rs -> {
                    Array languages = rs.getArray("listening_languages");
                    write(out, CsvRow.of(Arrays.asList(rs.getString("registration_id"), rs.getString("given_name"),
                            rs.getString("family_name"), rs.getString("organisation"), rs.getString("position"),
                            rs.getString("category"), rs.getString("country_code"), rs.getString("region"),
                            rs.getString("city"), rs.getString("correspondence_language"),
                            String.join(";", (String[]) languages.getArray()), rs.getString("delegation_id"))));
                });
    }

    private static void write(Writer out, String line) {
        try {
            out.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
