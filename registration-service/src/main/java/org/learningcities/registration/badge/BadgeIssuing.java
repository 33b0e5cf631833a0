package org.learningcities.registration.badge;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.learningcities.contracts.registration.BadgeIssued;
import org.learningcities.messaging.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues badges and announces each one with its signed token as {@link BadgeIssued}, on the internal
 * topic only: the token admits its bearer at check-in. The one entry point of the badge package that the
 * registration workflow calls, so the dependency runs from registrations to badges and never back.
 */
@Service
public class BadgeIssuing {

    private final Badges badges;
    private final BadgeSigner signer;
    private final Outbox outbox;
    private final Clock clock;

    BadgeIssuing(Badges badges, BadgeSigner signer, Outbox outbox, Clock clock) {
        this.badges = badges;
        this.signer = signer;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Issues the badge of a registration just approved, unless it already has a valid one. Must run in the
     * transaction that approved it, so the approval, the badge and its event commit or roll back together.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void issueFor(String registrationId) {
        Badges.Holder holder = badges.holder(registrationId)
                .orElseThrow(() -> new IllegalStateException("No registration " + registrationId));
        if (!holder.approved()) {
            throw new IllegalStateException("A badge is issued on approval; registration " + registrationId
                    + " is " + holder.status());
        }
        validBadge(registrationId);
    }

    /**
     * The registration's valid badge, issuing and announcing the next serial if it has none (never issued,
     * or revoked). The caller checked that the registration is approved and runs in a transaction.
     */
    BadgeClaims validBadge(String registrationId) {
        Optional<BadgeClaims> valid = badges.valid(registrationId);
        if (valid.isPresent()) {
            return valid.get();
        }
        // The token carries whole seconds, so the stored time is what the token says.
        if (badges.issueNext(registrationId, clock.instant().truncatedTo(ChronoUnit.SECONDS))) {
            BadgeClaims issued = badges.valid(registrationId).orElseThrow();
            // The very token the badge's QR code encodes: signing is deterministic for the stored claims.
            outbox.publish(new BadgeIssued(issued.registrationId(), issued.conferenceId(), issued.serial(),
                    signer.sign(issued), issued.issuedAt()));
            return issued;
        }
        // A concurrent caller issued the badge first, and announced it.
        return badges.valid(registrationId).orElseThrow();
    }
}
