package org.learningcities.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.learningcities.contracts.registration.DelegateRegistered;

final class Samples {

    private Samples() {
    }

    static DelegateRegistered delegateRegistered() {
        return new DelegateRegistered("reg-" + UUID.randomUUID(), "beijing-2013", "MAYOR", "CN",
                "ASIA_AND_THE_PACIFIC", "zh", List.of("zh", "en"), null, "PENDING", Instant.parse("2013-07-01T08:00:00Z"));
    }
}
