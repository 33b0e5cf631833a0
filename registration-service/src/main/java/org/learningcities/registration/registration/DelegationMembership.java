package org.learningcities.registration.registration;

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
}
