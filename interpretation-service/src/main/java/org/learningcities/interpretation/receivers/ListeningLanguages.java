package org.learningcities.interpretation.receivers;

import java.util.List;

import org.learningcities.contracts.registration.DelegateRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which delegate listens in which languages, as registration-service last reported it. */
@Repository
class ListeningLanguages {

    private final JdbcClient jdbc;

    ListeningLanguages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest event about a delegate replaces what was known, so a repeated event changes nothing. */
    void registered(DelegateRegistered delegate) {
        jdbc.sql("delete from listening_language where registration_id = ?")
                .param(delegate.registrationId())
                .update();
        jdbc.sql("""
                insert into listening_language (registration_id, conference_id, language)
                select distinct :registrationId, :conferenceId, language
                from unnest(cast(:languages as text[])) as language""")
                .param("registrationId", delegate.registrationId())
                .param("conferenceId", delegate.conferenceId())
                .param("languages", delegate.listeningLanguages().toArray(String[]::new))
                .update();
    }

    List<ReceiverDemand.Channel> channels(String conferenceId) {
        return jdbc.sql("""
                select language, count(*) as delegates
                from listening_language
                where conference_id = ?
                group by language
                order by language""")
                .param(conferenceId)
                .query((row, rowNumber) -> new ReceiverDemand.Channel(row.getString("language"),
                        row.getInt("delegates")))
                .list();
    }
}
