package org.learningcities.registration.conference;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.learningcities.contracts.agenda.ConferenceScheduled;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The conferences agenda-service announced, with the places registrations hold. */
@Repository
public class KnownConferences {

    private final JdbcClient jdbc;

    KnownConferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Conference> find(String conferenceId) {
        return jdbc.sql("""
                select conference_id, title, time_zone, registration_opens, registration_closes, capacity, places_taken,
                    account_required
                from conference where conference_id = ?""")
                .param(conferenceId)
                .query((rs, row) -> new Conference(rs.getString("conference_id"), rs.getString("title"),
                        rs.getString("time_zone"), rs.getTimestamp("registration_opens").toInstant(),
                        rs.getTimestamp("registration_closes").toInstant(), rs.getInt("capacity"),
                        rs.getInt("places_taken"), rs.getBoolean("account_required")))
                .optional();
    }

    /** Takes one place if one is free; false means the conference is full. Holds the row lock until commit. */
    public boolean takePlace(String conferenceId) {
        return jdbc.sql("update conference set places_taken = places_taken + 1 "
                        + "where conference_id = ? and places_taken < capacity")
                .param(conferenceId)
                .update() == 1;
    }

    /** The conference's last day; empty for an unknown conference or one recorded before end dates were kept. */
    public Optional<LocalDate> endDate(String conferenceId) {
        return jdbc.sql("select end_date from conference where conference_id = ? and end_date is not null")
                .param(conferenceId)
                .query(LocalDate.class)
                .optional();
    }

    void record(ConferenceScheduled event) {
        jdbc.sql("""
                insert into conference (conference_id, title, time_zone, registration_opens, registration_closes, capacity,
                    end_date, account_required)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (conference_id) do update set title = excluded.title, time_zone = excluded.time_zone,
                    registration_opens = excluded.registration_opens,
                    registration_closes = excluded.registration_closes, capacity = excluded.capacity,
                    end_date = excluded.end_date, account_required = excluded.account_required""")
                .params(event.conferenceId(), event.title(), event.timeZone(),
                        Timestamp.from(event.registrationOpens()), Timestamp.from(event.registrationCloses()),
                        event.capacity(), event.endDate(), event.accountRequired())
                .update();
    }

    /**
     * @param placesTaken     places held by pending and approved registrations
     * @param accountRequired whether registering needs a delegate, focal point or secretariat account
     */
    public record Conference(String conferenceId, String title, String timeZone, Instant registrationOpens,
                             Instant registrationCloses, int capacity, int placesTaken, boolean accountRequired) {

        public boolean acceptsRegistrationsAt(Instant moment) {
            return !moment.isBefore(registrationOpens) && moment.isBefore(registrationCloses);
        }
    }
}
