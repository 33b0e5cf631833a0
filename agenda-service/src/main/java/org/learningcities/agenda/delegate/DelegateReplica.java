package org.learningcities.agenda.delegate;

import java.time.ZoneOffset;

import org.learningcities.contracts.registration.DelegateApproved;
import org.learningcities.contracts.registration.DelegateRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * agenda-service's copy of the delegates registration-service owns: who may enrol in sessions and
 * which languages they listen in.
 */
@Repository
class DelegateReplica {

    private final JdbcClient jdbc;

    DelegateReplica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The latest event about a delegate wins: events of one delegate arrive in order (keyed by
     * registration id). A registration met after the approval is older than it, so it only adds the
     * registration time.
     */
    void registered(DelegateRegistered delegate) {
        jdbc.sql("""
                insert into delegate (registration_id, conference_id, status, listening_languages, registered_at)
                values (:registrationId, :conferenceId, :status, :listeningLanguages, :registeredAt)
                on conflict (registration_id) do update set
                    conference_id = excluded.conference_id,
                    status = case when delegate.status = 'APPROVED' then delegate.status else excluded.status end,
                    listening_languages = case when delegate.status = 'APPROVED'
                        then delegate.listening_languages else excluded.listening_languages end,
                    registered_at = excluded.registered_at""")
                .param("registrationId", delegate.registrationId())
                .param("conferenceId", delegate.conferenceId())
                .param("status", delegate.status())
                .param("listeningLanguages", delegate.listeningLanguages().toArray(String[]::new))
                .param("registeredAt", delegate.registeredAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Approved delegates may enrol; the registration time stays unknown until DelegateRegistered arrives. */
    void approved(DelegateApproved delegate) {
        jdbc.sql("""
                insert into delegate (registration_id, conference_id, status, listening_languages)
                values (:registrationId, :conferenceId, 'APPROVED', :listeningLanguages)
                on conflict (registration_id) do update set
                    conference_id = excluded.conference_id,
                    status = excluded.status,
                    listening_languages = excluded.listening_languages""")
                .param("registrationId", delegate.registrationId())
                .param("conferenceId", delegate.conferenceId())
                .param("listeningLanguages", delegate.listeningLanguages().toArray(String[]::new))
                .update();
    }
}
