package org.learningcities.registration.badge;

import java.time.Instant;

/**
 * What a badge's QR code asserts. Deliberately no personal data: a lost badge or a photographed QR
 * code tells a stranger nothing about the delegate.
 *
 * @param serial which badge of this registration; a revoked badge's serial is never current again
 */
record BadgeClaims(String registrationId, String conferenceId, int serial, Instant issuedAt) {
}
