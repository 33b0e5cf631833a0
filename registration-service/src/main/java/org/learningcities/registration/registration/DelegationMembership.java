package org.learningcities.registration.registration;

import java.util.Optional;

/**
 * The rule a registration naming a delegation must satisfy. Declared here and implemented by the
 * delegation feature, so registration does not depend on how delegations are kept.
 */
public interface DelegationMembership {

    /**
     * @throws org.springframework.web.ErrorResponseException naming {@code delegationId} if the conference has no
     *         such delegation, or {@code countryCode} if the delegate's country is not the delegation's
     */
    void confirm(String conferenceId, String delegationId, String countryCode);

    /** The account of the delegation's focal point; empty for an unknown delegation or one without an account. */
    Optional<String> focalPointAccount(String conferenceId, String delegationId);
}
