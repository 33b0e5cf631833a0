package org.learningcities.interpretation.roster;

import org.springframework.stereotype.Component;

/** Which account a roster entry is linked to, for the rule that interpreters read only their own entry and schedule. */
@Component
public class RosterAccounts {

    private final Interpreters interpreters;

    RosterAccounts(Interpreters interpreters) {
        this.interpreters = interpreters;
    }

    /** False for an interpreter id that is not on the roster, so a caller learns nothing about other ids. */
    public boolean isLinked(String interpreterId, String accountId) {
        return interpreterId != null && accountId != null && interpreters.isLinked(interpreterId, accountId);
    }
}
