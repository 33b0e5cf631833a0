package org.learningcities.notification.recipients;

import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The accounts that may act for a recipient: a delegate's from registration-service's internal account topic, an
 * interpreter's from their roster entry (see {@link RecipientReplica}). The access rules ask it whether the caller
 * is one of them; there is no other way for a delegate or interpreter to see a recipient's messages.
 */
@Component
public class RecipientAccounts {

    private final JdbcClient jdbc;

    RecipientAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the account may act for the recipient. */
    public boolean links(String recipientId, String accountId) {
        return jdbc.sql("select exists (select 1 from recipient_account where recipient_id = ? and account_id = ?)")
                .params(recipientId, accountId)
                .query(Boolean.class)
                .single();
    }

    /**
     * The latest event replaces the whole set: an account the registration no longer names (a delegate moved to
     * another delegation, a focal point replaced) loses access at once. The compacted topic keeps events of one
     * registration in order, so the last one applied is the latest.
     */
    void replace(String recipientId, Collection<String> accountIds) {
        jdbc.sql("delete from recipient_account where recipient_id = ?").param(recipientId).update();
        for (String accountId : accountIds.stream().distinct().toList()) {
            jdbc.sql("insert into recipient_account (recipient_id, account_id) values (?, ?)")
                    .params(recipientId, accountId)
                    .update();
        }
    }
}
