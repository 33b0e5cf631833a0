package org.learningcities.registration.delegation;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A member as the focal point sees them in the delegation's list: who they are and where their
 * registration stands, nothing more (no passport data, needs or languages).
 */
record DelegationMember(String registrationId, String givenName, String familyName, String email, String position,
                        String category, String status, RegisteredAt registeredAt) {

    /** The registration time in the conference's zone and in UTC. */
    record RegisteredAt(LocalDateTime local, Instant utc) {
    }
}
