package org.learningcities.agenda.access;

import java.util.List;

import org.learningcities.contracts.registration.RegistrationAccountsLinked;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** agenda-service's copy of which accounts may act for which registration, as registration-service says. */
@Repository
class AccountLinks {

    private final JdbcClient jdbc;

    AccountLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Events of one registration arrive in order (keyed by registration id), so the latest simply replaces. */
    void replace(RegistrationAccountsLinked linked) {
        jdbc.sql("delete from registration_account where registration_id = ?")
                .param(linked.registrationId())
                .update();
        for (String accountId : linked.accountIds()) {
            jdbc.sql("insert into registration_account (registration_id, account_id) values (?, ?)")
                    .params(linked.registrationId(), accountId)
                    .update();
        }
    }

    List<String> of(String registrationId) {
        return jdbc.sql("select account_id from registration_account where registration_id = ?")
                .param(registrationId)
                .query(String.class)
                .list();
    }
}
