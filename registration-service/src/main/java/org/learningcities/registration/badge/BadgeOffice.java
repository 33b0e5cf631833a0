package org.learningcities.registration.badge;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.learningcities.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out and revokes badges. A badge is issued on approval ({@link BadgeIssuing}); the next one after a
 * revocation is issued, and announced, the first time the delegate's badge is asked for again.
 */
@Service
class BadgeOffice {

    private final Badges badges;
    private final BadgeIssuing issuing;
    private final BadgeSigner signer;
    private final Clock clock;

    BadgeOffice(Badges badges, BadgeIssuing issuing, BadgeSigner signer, Clock clock) {
        this.badges = badges;
        this.issuing = issuing;
        this.signer = signer;
        this.clock = clock;
    }

    /** The signed token of the registration's valid badge, issuing (and announcing) one if there is none. */
    @Transactional
    String tokenFor(String registrationId) {
        Badges.Holder holder = badges.holder(registrationId)
                .orElseThrow(() -> Problems.notFound("Registration", registrationId));
        if (!holder.approved()) {
            throw Problems.conflict("Badge not issued",
                    "A badge is issued on approval; this registration is " + holder.status() + ".",
                    Map.of("status", holder.status()));
        }
        // Normally issued on approval; a revoked badge, or one approved before badges were, is issued now.
        return signer.sign(issuing.validBadge(registrationId));
    }

    /** Invalidates the registration's badge, e.g. when it is lost; asking again issues the next serial. */
    @Transactional
    void revoke(String registrationId) {
        badges.holder(registrationId).orElseThrow(() -> Problems.notFound("Registration", registrationId));
        Instant now = clock.instant();
        if (!badges.revoke(registrationId, now)) {
            throw Problems.conflict("No badge to revoke",
                    "This registration has no valid badge; the next one is issued when the badge is requested again.",
                    Map.of());
        }
    }
}
