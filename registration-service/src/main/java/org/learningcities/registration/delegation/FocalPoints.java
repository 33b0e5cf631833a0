package org.learningcities.registration.delegation;

import org.springframework.stereotype.Component;

/** Which account heads which delegation, as the object-level access rules ask it. */
@Component
public class FocalPoints {

    private final Delegations delegations;

    FocalPoints(Delegations delegations) {
        this.delegations = delegations;
    }

    /** Whether the account is the focal point of the delegation; false for an unknown delegation. */
    public boolean heads(String accountId, String delegationId) {
        return delegations.isHeadedBy(delegationId, accountId);
    }
}
