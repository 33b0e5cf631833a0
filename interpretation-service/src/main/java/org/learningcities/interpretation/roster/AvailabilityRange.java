package org.learningcities.interpretation.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** Days an interpreter can work, both ends included, on the venue's calendar. */
@Schema(description = "Days the interpreter can work, both ends included (venue calendar days)")
record AvailabilityRange(@Schema(example = "2013-10-20") @NotNull LocalDate from,
                         @Schema(example = "2013-10-24") @NotNull LocalDate to) {

    /** No interpreter is booked for more than a year at a time; the cap keeps a typo from storing decades of days. */
    static final int MAX_DAYS = 366;

    List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    /** The fewest ranges that cover exactly these days. */
    static List<AvailabilityRange> covering(SortedSet<LocalDate> days) {
        List<AvailabilityRange> ranges = new ArrayList<>();
        LocalDate from = null;
        LocalDate to = null;
        for (LocalDate day : days) {
            if (to != null && day.equals(to.plusDays(1))) {
                to = day;
                continue;
            }
            if (from != null) {
                ranges.add(new AvailabilityRange(from, to));
            }
            from = day;
            to = day;
        }
        if (from != null) {
            ranges.add(new AvailabilityRange(from, to));
        }
        return List.copyOf(ranges);
    }
}
