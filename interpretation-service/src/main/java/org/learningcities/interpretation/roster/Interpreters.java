package org.learningcities.interpretation.roster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.learningcities.interpretation.planning.LanguageClass;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The roster tables (V3__roster.sql, V6__roster_account.sql): an interpreter row with its account, their languages
 * and their available days.
 */
@Repository
class Interpreters {

    private final JdbcClient jdbc;

    Interpreters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RosterEntry> find(String interpreterId) {
        return entries("i.interpreter_id = :id", Map.of("id", interpreterId)).values().stream().findFirst();
    }

    /** The entry, locked until the transaction ends so two corrections of one interpreter happen one after the other. */
    Optional<RosterEntry> findForUpdate(String interpreterId) {
        boolean exists = jdbc.sql("select interpreter_id from interpreter where interpreter_id = ? for update")
                .param(interpreterId).query(String.class).optional().isPresent();
        return exists ? find(interpreterId) : Optional.empty();
    }

    /** E-mail addresses match ignoring case, as the unique index on lower(email) does. */
    Optional<String> idByEmail(String email) {
        return jdbc.sql("select interpreter_id from interpreter where lower(email) = lower(?)")
                .param(email).query(String.class).optional();
    }

    Optional<String> idByAccount(String accountId) {
        return jdbc.sql("select interpreter_id from interpreter where account_id = ?")
                .param(accountId).query(String.class).optional();
    }

    /** Who holds these accounts now: account id to interpreter id. */
    Map<String, String> idsByAccounts(Collection<String> accountIds) {
        Map<String, String> ids = new HashMap<>();
        jdbc.sql("select account_id, interpreter_id from interpreter where account_id = any(?)")
                .param(accountIds.toArray(String[]::new))
                .query((ResultSet rs) -> {
                    ids.put(rs.getString("account_id"), rs.getString("interpreter_id"));
                });
        return ids;
    }

    /** Whether the interpreter's entry is linked to this account. */
    boolean isLinked(String interpreterId, String accountId) {
        return jdbc.sql("select exists (select 1 from interpreter where interpreter_id = ? and account_id = ?)")
                .params(interpreterId, accountId).query(Boolean.class).single();
    }

    /**
     * Unlinks the accounts of these interpreters, so that entries rewritten one after the other can trade
     * accounts without passing through a state the unique index refuses.
     */
    void unlinkAccounts(Collection<String> interpreterIds) {
        jdbc.sql("update interpreter set account_id = null where interpreter_id = any(?)")
                .param(interpreterIds.toArray(String[]::new)).update();
    }

    /** Everyone, or those holding the language in any class, by family then given name. */
    Map<String, RosterEntry> list(String language) {
        return language == null
                ? entries("true", Map.of())
                : entries("exists (select 1 from interpreter_language l "
                        + "where l.interpreter_id = i.interpreter_id and l.language = :language)",
                        Map.of("language", language));
    }

    /** The entries of these e-mail addresses (lower-cased) that are on the roster, keyed by interpreter id. */
    Map<String, RosterEntry> byEmails(Collection<String> lowerCaseEmails) {
        return entries("lower(i.email) = any(:emails)", Map.of("emails", lowerCaseEmails.toArray(String[]::new)));
    }

    void insert(String interpreterId, RosterEntry entry) {
        jdbc.sql("""
                insert into interpreter
                    (interpreter_id, given_name, family_name, email, phone, correspondence_language, home_room_id,
                     account_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(interpreterId, entry.givenName(), entry.familyName(), entry.email(), entry.phone(),
                        entry.correspondenceLanguage(), entry.homeRoomId(), entry.accountId())
                .update();
        insertLanguagesAndDays(interpreterId, entry);
    }

    void update(String interpreterId, RosterEntry entry) {
        jdbc.sql("""
                update interpreter set given_name = ?, family_name = ?, email = ?, phone = ?,
                    correspondence_language = ?, home_room_id = ?, account_id = ?, updated_at = now()
                where interpreter_id = ?""")
                .params(entry.givenName(), entry.familyName(), entry.email(), entry.phone(),
                        entry.correspondenceLanguage(), entry.homeRoomId(), entry.accountId(), interpreterId)
                .update();
        jdbc.sql("delete from interpreter_language where interpreter_id = ?").param(interpreterId).update();
        jdbc.sql("delete from interpreter_availability where interpreter_id = ?").param(interpreterId).update();
        insertLanguagesAndDays(interpreterId, entry);
    }

    /**
     * Asks for a new plan of every known conference whose dates include one of these days: an interpreter gained
     * or lost them, or changed what they can do on them. A conference already waiting for a plan is refreshed.
     */
    void requestReplanning(Collection<LocalDate> days) {
        if (days.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into replan_request (conference_id, requested_at)
                select c.conference_id, now() from conference c
                where exists (select 1 from unnest(cast(:days as date[])) as day
                              where day between c.start_date and c.end_date)
                on conflict (conference_id) do update set requested_at = excluded.requested_at""")
                .param("days", isoDates(days))
                .update();
    }

    private void insertLanguagesAndDays(String interpreterId, RosterEntry entry) {
        jdbc.sql("""
                insert into interpreter_language (interpreter_id, language, class)
                select :id, language, class
                from unnest(cast(:languages as text[]), cast(:classes as text[])) as l(language, class)""")
                .param("id", interpreterId)
                .param("languages", entry.languages().keySet().toArray(String[]::new))
                .param("classes", entry.languages().values().stream().map(Enum::name).toArray(String[]::new))
                .update();
        jdbc.sql("""
                insert into interpreter_availability (interpreter_id, available_on)
                select :id, day from unnest(cast(:days as date[])) as day""")
                .param("id", interpreterId)
                .param("days", isoDates(entry.availableDays()))
                .update();
    }

    /** Sent as text and cast in SQL: the driver has no mapping for arrays of dates. */
    private static String[] isoDates(Collection<LocalDate> days) {
        return days.stream().map(LocalDate::toString).toArray(String[]::new);
    }

    /** Three queries for any number of interpreters, rather than two more per interpreter. */
    private Map<String, RosterEntry> entries(String condition, Map<String, Object> parameters) {
        Map<String, Row> rows = new LinkedHashMap<>();
        jdbc.sql("select * from interpreter i where " + condition + " order by family_name, given_name, interpreter_id")
                .params(parameters)
                .query((ResultSet rs) -> {
                    rows.put(rs.getString("interpreter_id"), Row.of(rs));
                });
        if (rows.isEmpty()) {
            return Map.of();
        }
        String[] ids = rows.keySet().toArray(String[]::new);
        jdbc.sql("select interpreter_id, language, class from interpreter_language where interpreter_id = any(?)")
                .param(ids)
                .query((ResultSet rs) -> {
                    rows.get(rs.getString("interpreter_id")).languages
                            .put(rs.getString("language"), LanguageClass.valueOf(rs.getString("class")));
                });
        jdbc.sql("select interpreter_id, available_on from interpreter_availability where interpreter_id = any(?)")
                .param(ids)
                .query((ResultSet rs) -> {
                    rows.get(rs.getString("interpreter_id")).days.add(rs.getObject("available_on", LocalDate.class));
                });
        Map<String, RosterEntry> entries = new LinkedHashMap<>();
        rows.forEach((id, row) -> entries.put(id, row.entry()));
        return entries;
    }

    /** An interpreter while their languages and days are gathered from the other two tables. */
    private record Row(String givenName, String familyName, String email, String phone, String correspondenceLanguage,
                       String homeRoomId, String accountId, TreeMap<String, LanguageClass> languages,
                       TreeSet<LocalDate> days) {

        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getString("given_name"), rs.getString("family_name"), rs.getString("email"),
                    rs.getString("phone"), rs.getString("correspondence_language"), rs.getString("home_room_id"),
                    rs.getString("account_id"), new TreeMap<>(), new TreeSet<>());
        }

        RosterEntry entry() {
            return new RosterEntry(givenName, familyName, email, phone, correspondenceLanguage, languages, days,
                    homeRoomId, accountId);
        }
    }
}
