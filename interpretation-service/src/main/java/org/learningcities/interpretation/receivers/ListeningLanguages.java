package org.learningcities.interpretation.receivers;

import java.util.List;

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
    void replace(String registrationId, String conferenceId, List<String> languages) {
        jdbc.sql("delete from listening_language where registration_id = ?")
                .param(registrationId)
                .update();
        jdbc.sql("""
                insert into listening_language (registration_id, conference_id, language)
                select distinct :registrationId, :conferenceId, language
                from unnest(cast(:languages as text[])) as language""")
                .param("registrationId", registrationId)
                .param("conferenceId", conferenceId)
                .param("languages", languages.toArray(String[]::new))
                .update();
    }

    /**
     * Conference-wide: every delegate still in the running (not rejected, not withdrawn) once in each language they
     * listen in, approved or not yet, so the pool of headsets can be sized before the programme is final.
     */
    List<ReceiverDemand.Channel> channels(String conferenceId) {
        return jdbc.sql("""
                select l.language, count(*) as delegates
                from listening_language l
                left join delegate d on d.registration_id = l.registration_id
                where l.conference_id = ?
                  and (d.status is null or d.status not in ('REJECTED', 'WITHDRAWN'))
                group by l.language
                order by l.language""")
                .param(conferenceId)
                .query((row, rowNumber) -> new ReceiverDemand.Channel(row.getString("language"),
                        row.getInt("delegates")))
                .list();
    }
}
