package org.learningcities.registration.delegation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.learningcities.registration.country.Countries;
import org.learningcities.registration.delegation.DelegationMember.RegisteredAt;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Delegations {

    private static final String COLUMNS = """
            delegation_id, conference_id, country_code, name, focal_point_given_name, focal_point_family_name,
            focal_point_email, focal_point_phone, focal_point_position, focal_point_account_id""";

    private final JdbcClient jdbc;

    Delegations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException if the country already has a delegation here */
    void insert(Delegation delegation, Instant createdAt) {
        FocalPoint focalPoint = delegation.focalPoint();
        jdbc.sql("insert into delegation (" + COLUMNS + ", created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(delegation.id(), delegation.conferenceId(), delegation.countryCode(), delegation.name(),
                        focalPoint.givenName(), focalPoint.familyName(), focalPoint.email(), focalPoint.phone(),
                        focalPoint.position(), focalPoint.accountId(), Timestamp.from(createdAt))
                .update();
    }

    Optional<Delegation> find(String conferenceId, String delegationId) {
        return jdbc.sql("select " + COLUMNS + " from delegation where conference_id = ? and delegation_id = ?")
                .params(conferenceId, delegationId)
                .query(Delegations::map)
                .optional();
    }

    Optional<String> idOfCountry(String conferenceId, String countryCode) {
        return jdbc.sql("select delegation_id from delegation where conference_id = ? and country_code = ?")
                .params(conferenceId, countryCode)
                .query(String.class)
                .optional();
    }

    List<Delegation> of(String conferenceId) {
        return jdbc.sql("select " + COLUMNS + " from delegation where conference_id = ? order by country_code")
                .param(conferenceId)
                .query(Delegations::map)
                .list();
    }

    /** The delegations of the conference that this account heads as their focal point. */
    List<Delegation> headedBy(String conferenceId, String accountId) {
        return jdbc.sql("select " + COLUMNS + " from delegation where conference_id = ? and focal_point_account_id = ? "
                        + "order by country_code")
                .params(conferenceId, accountId)
                .query(Delegations::map)
                .list();
    }

    boolean isHeadedBy(String delegationId, String accountId) {
        return jdbc.sql("select exists (select 1 from delegation where delegation_id = ? and focal_point_account_id = ?)")
                .params(delegationId, accountId)
                .query(Boolean.class)
                .single();
    }

    List<DelegationMember> members(String delegationId, ZoneId conferenceZone) {
        return jdbc.sql("""
                select registration_id, given_name, family_name, email, position, category, status, registered_at
                from registration where delegation_id = ?
                order by registered_at, registration_id""")
                .param(delegationId)
                .query((rs, row) -> {
                    Instant registeredAt = rs.getTimestamp("registered_at").toInstant();
                    return new DelegationMember(rs.getString("registration_id"), rs.getString("given_name"),
                            rs.getString("family_name"), rs.getString("email"), rs.getString("position"),
                            rs.getString("category"), rs.getString("status"),
                            new RegisteredAt(registeredAt.atZone(conferenceZone).toLocalDateTime(), registeredAt));
                })
                .list();
    }

    private static Delegation map(ResultSet rs, int row) throws SQLException {
        String countryCode = rs.getString("country_code");
        return new Delegation(rs.getString("delegation_id"), rs.getString("conference_id"), countryCode,
                Countries.regionOf(countryCode), rs.getString("name"),
                new FocalPoint(rs.getString("focal_point_given_name"), rs.getString("focal_point_family_name"),
                        rs.getString("focal_point_email"), rs.getString("focal_point_phone"),
                        rs.getString("focal_point_position"), rs.getString("focal_point_account_id")));
    }
}
