package org.learningcities.registration.registration;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.learningcities.registration.country.UnescoRegion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Registrations {

    private static final String INSERTED_COLUMNS = """
            registration_id, conference_id, status, given_name, family_name, email, phone, organisation, position,
            category, country_code, region, city, correspondence_language, listening_languages,
            accessibility_needs, dietary_needs, delegation_id, registered_at""";

    /** Also whether a visa letter was requested; its subquery needs {@code registration} unaliased in the query. */
    private static final String COLUMNS = INSERTED_COLUMNS + """
            , decided_at, decided_by, rejection_reason, offer_expires_at, offer_lapsed_at,
            exists (select 1 from visa_letter_request v where v.registration_id = registration.registration_id)
                as visa_letter_requested""";

    private final JdbcClient jdbc;

    Registrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Registration registration) {
        jdbc.sql("insert into registration (" + INSERTED_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(registration.id(), registration.conferenceId(), registration.status().name(),
                        registration.givenName(), registration.familyName(), registration.email(), registration.phone(),
                        registration.organisation(), registration.position(), registration.category().name(),
                        registration.countryCode(), registration.region().name(), registration.city(),
                        registration.correspondenceLanguage(), registration.listeningLanguages().toArray(String[]::new),
                        registration.accessibilityNeeds(), registration.dietaryNeeds(), registration.delegationId(),
                        Timestamp.from(registration.registeredAt()))
                .update();
    }

    /** A registration just inserted that found the conference full. */
    void waitlist(String registrationId) {
        jdbc.sql("update registration set status = 'WAITLISTED' where registration_id = ?")
                .param(registrationId)
                .update();
    }

    Optional<Registration> find(String registrationId) {
        return jdbc.sql("select " + COLUMNS + " from registration where registration_id = ?")
                .param(registrationId)
                .query(Registrations::map)
                .optional();
    }

    /** The registration, locked until the transaction ends so decisions on it happen one at a time. */
    Optional<Registration> findForUpdate(String registrationId) {
        return jdbc.sql("select " + COLUMNS + " from registration where registration_id = ? for update")
                .param(registrationId)
                .query(Registrations::map)
                .optional();
    }

    void decide(String registrationId, RegistrationStatus status, Registration.Decision decision) {
        jdbc.sql("""
                update registration set status = ?, decided_at = ?, decided_by = ?, rejection_reason = ?
                where registration_id = ?""")
                .params(status.name(), Timestamp.from(decision.decidedAt()), decision.decidedBy(), decision.reason(),
                        registrationId)
                .update();
    }

    /**
     * The first delegate in the line for a freed place, locked. Rows another transaction is already
     * offering a place to are skipped, so two places freed at once go to two different delegates.
     */
    Optional<Registration> nextInLine(String conferenceId) {
        return jdbc.sql("select " + COLUMNS + " " + """
                from registration
                where conference_id = ? and status = 'WAITLISTED' and offer_expires_at is null
                order by registered_at, registration_id
                limit 1
                for update skip locked""")
                .param(conferenceId)
                .query(Registrations::map)
                .optional();
    }

    void offer(String registrationId, Instant expiresAt) {
        jdbc.sql("update registration set offer_expires_at = ? where registration_id = ?")
                .params(Timestamp.from(expiresAt), registrationId)
                .update();
    }

    void acceptOffer(String registrationId) {
        jdbc.sql("update registration set status = 'PENDING' where registration_id = ?")
                .param(registrationId)
                .update();
    }

    /**
     * Open offers that expired by {@code now}, oldest first, locked. Another instance sweeping at the
     * same time skips these rows, so no offer expires twice.
     */
    List<Registration> lapsedOffers(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + " " + """
                from registration
                where status = 'WAITLISTED' and offer_lapsed_at is null and offer_expires_at <= ?
                order by offer_expires_at, registration_id
                limit ?
                for update skip locked""")
                .params(Timestamp.from(now), limit)
                .query(Registrations::map)
                .list();
    }

    void lapseOffer(String registrationId, Instant lapsedAt) {
        jdbc.sql("update registration set offer_lapsed_at = ? where registration_id = ?")
                .params(Timestamp.from(lapsedAt), registrationId)
                .update();
    }

    void updateProfile(Registration changed) {
        jdbc.sql("""
                update registration set given_name = ?, family_name = ?, email = ?, phone = ?, organisation = ?,
                    position = ?, city = ?, correspondence_language = ?, listening_languages = ?,
                    accessibility_needs = ?, dietary_needs = ?
                where registration_id = ?""")
                .params(changed.givenName(), changed.familyName(), changed.email(), changed.phone(),
                        changed.organisation(), changed.position(), changed.city(), changed.correspondenceLanguage(),
                        changed.listeningLanguages().toArray(String[]::new), changed.accessibilityNeeds(),
                        changed.dietaryNeeds(), changed.id())
                .update();
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
                rs.getTimestamp("registered_at").toInstant(), decision(rs), offer(rs),
                rs.getBoolean("visa_letter_requested"));
    }

    private static Registration.Decision decision(ResultSet rs) throws SQLException {
        Instant decidedAt = instant(rs, "decided_at");
        return decidedAt == null ? null
                : new Registration.Decision(decidedAt, rs.getString("decided_by"), rs.getString("rejection_reason"));
    }

    private static Registration.Offer offer(ResultSet rs) throws SQLException {
        Instant expiresAt = instant(rs, "offer_expires_at");
        return expiresAt == null ? null : new Registration.Offer(expiresAt, instant(rs, "offer_lapsed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
