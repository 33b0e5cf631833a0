package org.learningcities.registration.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.learningcities.contracts.registration.WaitlistOfferExpired;
import org.learningcities.contracts.registration.WaitlistOfferMade;
import org.learningcities.messaging.Outbox;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves freed places down the waiting list. A freed place stays counted as taken while it is offered,
 * so a newcomer cannot grab it ahead of the line; it returns to the counter only when no one waits.
 */
@Service
class WaitingList {

    /** Offers expired per transaction, so one sweep never holds many locks for long. */
    private static final int EXPIRY_BATCH = 100;

    private final Registrations registrations;
    private final Places places;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final WaitlistProperties settings;
    private final Clock clock;

    WaitingList(Registrations registrations, Places places, Outbox outbox, TransactionTemplate transaction,
                WaitlistProperties settings, Clock clock) {
        this.registrations = registrations;
        this.places = places;
        this.outbox = outbox;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
    }

    /** Must run in the transaction that freed the place, so the place is never lost or given twice. */
    void placeFreed(String conferenceId, Instant now) {
        places.lock(conferenceId);
        registrations.nextInLine(conferenceId).ifPresentOrElse(next -> {
            Instant expiresAt = now.plus(settings.offerValidity());
            registrations.offer(next.id(), expiresAt);
            outbox.publish(new WaitlistOfferMade(next.id(), conferenceId, expiresAt, now));
        }, () -> places.release(conferenceId));
    }

    /**
     * Expires the offers nobody took in time and passes each place on. The delegate stays WAITLISTED but
     * leaves the line (see V2 migration). Runs on every instance; skip-locked rows keep them apart.
     */
    @Scheduled(fixedDelayString = "${registration.waitlist.expiry-interval}",
            initialDelayString = "${registration.waitlist.expiry-interval}")
    void expireLapsedOffers() {
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(transaction.execute(status -> expireBatch()));
        }
    }

    /** @return true when the batch was full and more lapsed offers may wait */
    private boolean expireBatch() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Registration> lapsed = registrations.lapsedOffers(now, EXPIRY_BATCH);
        for (Registration registration : lapsed) {
            registrations.lapseOffer(registration.id(), now);
            outbox.publish(new WaitlistOfferExpired(registration.id(), registration.conferenceId(), now));
            placeFreed(registration.conferenceId(), now);
        }
        return lapsed.size() == EXPIRY_BATCH;
    }
}
