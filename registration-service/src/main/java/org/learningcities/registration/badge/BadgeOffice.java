package org.learningcities.registration.badge;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.learningcities.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and revokes badges. A badge is issued the first time an approved delegate's badge is asked
 * for, so this does not depend on how or when approval happens.
 */
@Service
class BadgeOffice {

    private final Badges badges;
    private final BadgeSigner signer;
    private final Clock clock;

    BadgeOffice(Badges badges, BadgeSigner signer, Clock clock) {
        this.badges = badges;
        this.signer = signer;
        this.clock = clock;
    }

    /** The signed token of the registration's valid badge, issuing one if there is none yet. */
    @Transactional
    String tokenFor(String registrationId) {
        Badges.Holder holder = badges.holder(registrationId)
                .orElseThrow(() -> Problems.notFound("Registration", registrationId));
        if (!holder.approved()) {
            throw Problems.conflict("Badge not issued",
                    "A badge is issued on approval; this registration is " + holder.status() + ".",
                    Map.of("status", holder.status()));
        }
        if (badges.valid(registrationId).isEmpty()) {
            // The token carries whole seconds, so the stored time is what the token says.
            badges.issueNext(registrationId, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        }
        return signer.sign(badges.valid(registrationId).orElseThrow());
    }

    /** Invalidates the registration's badge, e.g. when it is lost; asking again issues the next serial. */
    @Transactional
    void revoke(String registrationId) {
        badges.holder(registrationId).orElseThrow(() -> Problems.notFound("Registration", registrationId));
        Instant now = clock.instant();
        if (!badges.revoke(registrationId, now)) {
            throw Problems.conflict("No badge to revoke",
                    "This registration has no valid badge; it is issued when the badge is first requested.",
                    Map.of());
        }
    }
}
