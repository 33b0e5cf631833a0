package org.learningcities.registration.registration;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The accounts that may act for a registration besides the secretariat, as object-level access rules read them:
 * the delegate's own account, and the account of the focal point heading its delegation.
 */
@Repository
public class RegistrationAccounts {

    private final JdbcClient jdbc;

    RegistrationAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void link(String registrationId, Collection<AccountLink> links) {
        for (AccountLink link : links) {
            jdbc.sql("insert into registration_account (registration_id, account_id, link) values (?, ?, ?) "
                            + "on conflict do nothing")
                    .params(registrationId, link.accountId(), link.kind().name())
                    .update();
        }
    }

    /** Whether the account is linked to the registration, as its delegate or as its delegation's focal point. */
    public boolean isLinked(String registrationId, String accountId) {
        return jdbc.sql("select exists (select 1 from registration_account where registration_id = ? and account_id = ?)")
                .params(registrationId, accountId)
                .query(Boolean.class)
                .single();
    }

    /** Whether the account is the delegate's own: the focal point acts for the delegate but is not them. */
    public boolean isTheDelegate(String registrationId, String accountId) {
        return jdbc.sql("""
                select exists (select 1 from registration_account
                               where registration_id = ? and account_id = ? and link = 'DELEGATE')""")
                .params(registrationId, accountId)
                .query(Boolean.class)
                .single();
    }

    /** Why an account may act for a registration. */
    enum LinkKind {
        /** The delegate registered themselves with this account. */
        DELEGATE,
        /** The account heads the delegation the registration belongs to. */
        FOCAL_POINT
    }

    record AccountLink(String accountId, LinkKind kind) {

        static List<String> accountIds(Collection<AccountLink> links) {
            return links.stream().map(AccountLink::accountId).distinct().sorted().toList();
        }
    }
}
