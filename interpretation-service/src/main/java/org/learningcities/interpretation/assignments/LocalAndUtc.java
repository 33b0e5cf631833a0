package org.learningcities.interpretation.assignments;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import io.swagger.v3.oas.annotations.media.Schema;

/** A moment as read on the venue's clocks and as a UTC instant, the shape agenda-service gives every time. */
@Schema(description = "A moment as read on the venue's clocks and as a UTC instant")
record LocalAndUtc(@Schema(example = "2013-10-21T09:00:00") LocalDateTime local,
                   @Schema(example = "2013-10-21T01:00:00Z") Instant utc) {

    static LocalAndUtc of(Instant instant, ZoneId zone) {
        return new LocalAndUtc(LocalDateTime.ofInstant(instant, zone), instant);
    }
}
