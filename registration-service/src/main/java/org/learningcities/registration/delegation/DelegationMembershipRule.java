package org.learningcities.registration.delegation;

import java.util.Optional;

import org.learningcities.registration.registration.DelegationMembership;
import org.learningcities.web.Problems;
import org.springframework.stereotype.Component;

/** A delegation speaks for one Member State, so only that country's delegates can join it. */
@Component
class DelegationMembershipRule implements DelegationMembership {

    private final Delegations delegations;

    DelegationMembershipRule(Delegations delegations) {
        this.delegations = delegations;
    }

    @Override
    public void confirm(String conferenceId, String delegationId, String countryCode) {
        Delegation delegation = delegations.find(conferenceId, delegationId)
                .orElseThrow(() -> Problems.invalidField("delegationId",
                        "names no delegation of this conference"));
        if (!delegation.countryCode().equals(countryCode)) {
            throw Problems.invalidField("countryCode", "must be " + delegation.countryCode()
                    + ", the country of " + delegation.name());
        }
    }

    @Override
    public Optional<String> focalPointAccount(String conferenceId, String delegationId) {
        return delegations.find(conferenceId, delegationId)
                .map(delegation -> delegation.focalPoint().accountId());
    }
}
