package org.learningcities.agenda.conference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.learningcities.web.Problems;

/** What scheduling needs to know of a conference: its venue's clocks and the days it runs. */
public record ConferenceDays(String conferenceId, ZoneId zone, LocalDate startDate, LocalDate endDate) {

    /**
     * A local time skipped when the clocks jump forward never shows on the venue's clocks; guessing
     * which instant was meant would move it by an hour, so it is refused naming the field. In the
     * hour that repeats when the clocks go back, the earlier instant is taken.
     */
    public static Instant instantAt(String field, LocalDateTime local, ZoneId zone) {
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            throw Problems.invalidField(field, "does not exist in " + zone.getId()
                    + ": the clocks skip it when daylight saving time starts");
        }
        return local.atZone(zone).toInstant();
    }

    public Instant instantAt(String field, LocalDateTime local) {
        return instantAt(field, local, zone);
    }

    /** Midnight on the venue's clocks; a day may be 23 or 25 hours long. */
    public Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    /** Whether [start, end) lies within [startDate 00:00, endDate + 1 00:00) on the venue's clocks. */
    public boolean spans(Instant start, Instant end) {
        return !start.isBefore(startOf(startDate)) && !end.isAfter(startOf(endDate.plusDays(1)));
    }

    public LocalAndUtc at(Instant instant) {
        return LocalAndUtc.of(instant, zone);
    }
}
