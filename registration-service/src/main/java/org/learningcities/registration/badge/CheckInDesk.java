package org.learningcities.registration.badge;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.learningcities.contracts.registration.DelegateCheckedIn;
import org.learningcities.messaging.Outbox;
import org.learningcities.registration.metrics.CheckInCounter;
import org.learningcities.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/** Checks delegates in at the venue by their badge. A badge scanned again is recognised, not counted again. */
@Service
class CheckInDesk {

    private final BadgeSigner signer;
    private final Badges badges;
    private final CheckIns checkIns;
    private final Outbox outbox;
    private final Clock clock;
    private final CheckInCounter counter;

    CheckInDesk(BadgeSigner signer, Badges badges, CheckIns checkIns, Outbox outbox, Clock clock,
            CheckInCounter counter) {
        this.signer = signer;
        this.badges = badges;
        this.checkIns = checkIns;
        this.outbox = outbox;
        this.clock = clock;
        this.counter = counter;
    }

    @Transactional
    CheckInResult checkIn(String conferenceId, String badgeToken) {
        BadgeClaims badge = signer.verify(badgeToken)
                .orElseThrow(() -> refused("is not a badge this conference issued, or it was altered"));
        if (!badge.conferenceId().equals(conferenceId)) {
            throw refused("belongs to another conference");
        }
        boolean current = badges.valid(badge.registrationId())
                .filter(valid -> valid.serial() == badge.serial())
                .isPresent();
        if (!current) {
            throw refused("was revoked; the delegate has a newer badge or none");
        }
        Badges.Holder holder = badges.holder(badge.registrationId()).orElseThrow();
        if (!holder.approved()) {
            throw refused("belongs to a registration that is " + holder.status() + ", not APPROVED");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (checkIns.recordFirst(badge, now)) {
            outbox.publish(new DelegateCheckedIn(badge.registrationId(), conferenceId, now));
            counter.first(conferenceId);
            return new CheckInResult.FirstScan(badge.registrationId(), now);
        }
        counter.repeated(conferenceId);
        return new CheckInResult.RepeatedScan(badge.registrationId(), checkIns.firstCheckedInAt(badge.registrationId()));
    }

    /** 422 naming the field, so the scanning app can show "badge refused" rather than a generic error. */
    private static ErrorResponseException refused(String why) {
        return Problems.unprocessable("Badge refused", "This badge " + why + ".",
                Map.of("errors", List.of(Map.of("field", "badgeToken", "message", why))));
    }
}
