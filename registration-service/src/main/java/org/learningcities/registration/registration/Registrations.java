package org.learningcities.registration.registration;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.learningcities.registration.country.UnescoRegion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Registrations {

    private static final String COLUMNS = """
            registration_id, conference_id, status, given_name, family_name, email, phone, organisation, position,
            category, country_code, region, city, correspondence_language, listening_languages,
            accessibility_needs, dietary_needs, delegation_id, registered_at""";

    private final JdbcClient jdbc;

    Registrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Registration registration) {
        jdbc.sql("insert into registration (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(registration.id(), registration.conferenceId(), registration.status().name(),
                        registration.givenName(), registration.familyName(), registration.email(), registration.phone(),
                        registration.organisation(), registration.position(), registration.category().name(),
                        registration.countryCode(), registration.region().name(), registration.city(),
                        registration.correspondenceLanguage(), registration.listeningLanguages().toArray(String[]::new),
                        registration.accessibilityNeeds(), registration.dietaryNeeds(), registration.delegationId(),
                        Timestamp.from(registration.registeredAt()))
                .update();
    }

    Optional<Registration> find(String registrationId) {
        return jdbc.sql("select " + COLUMNS + " from registration where registration_id = ?")
                .param(registrationId)
                .query(Registrations::map)
                .optional();
    }

    /** The live registration holding this e-mail address for the conference, if any. */
    Optional<String> idOfLiveRegistration(String conferenceId, String email) {
        return jdbc.sql("select registration_id from registration "
                        + "where conference_id = ? and lower(email) = lower(?) and status <> 'WITHDRAWN'")
                .params(conferenceId, email)
                .query(String.class)
                .optional();
    }

    List<Registration> search(RegistrationSearch search) {
        return jdbc.sql("select " + COLUMNS + " " + """
                 from registration
                 where conference_id = :conference
                   and (cast(:status as text) is null or status = :status)
                   and (cast(:category as text) is null or category = :category)
                   and (cast(:country as text) is null or country_code = :country)
                   and (cast(:region as text) is null or region = :region)
                   and (cast(:delegation as text) is null or delegation_id = :delegation)
                 order by registered_at, registration_id
                 limit :limit offset :offset""")
                .param("conference", search.conferenceId())
                .param("status", search.status() == null ? null : search.status().name())
                .param("category", search.category() == null ? null : search.category().name())
                .param("country", search.countryCode())
                .param("region", search.region() == null ? null : search.region().name())
                .param("delegation", search.delegationId())
                .param("limit", search.size())
                .param("offset", search.page() * search.size())
                .query(Registrations::map)
                .list();
    }

    private static Registration map(ResultSet rs, int row) throws SQLException {
        Array languages = rs.getArray("listening_languages");
        return new Registration(rs.getString("registration_id"), rs.getString("conference_id"),
                RegistrationStatus.valueOf(rs.getString("status")), rs.getString("given_name"),
                rs.getString("family_name"), rs.getString("email"), rs.getString("phone"), rs.getString("organisation"),
                rs.getString("position"), Category.valueOf(rs.getString("category")), rs.getString("country_code"),
                UnescoRegion.valueOf(rs.getString("region")), rs.getString("city"),
                rs.getString("correspondence_language"), List.of((String[]) languages.getArray()),
                rs.getString("accessibility_needs"), rs.getString("dietary_needs"), rs.getString("delegation_id"),
                rs.getTimestamp("registered_at").toInstant());
    }
}
