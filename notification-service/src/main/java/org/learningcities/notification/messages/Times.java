package org.learningcities.notification.messages;

import java.time.Instant;
import java.util.Date;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DateIntervalFormat;
import com.ibm.icu.util.DateInterval;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * Writes times the way a reader of the language expects (ICU's localized skeletons), on the venue's clocks,
 * and on the recipient's own clocks too when those show a different time: a delegate in Paris reading
 * about a Beijing session sees both.
 */
final class Times {

    private static final String DAY_AND_TIME = "yMMMEdjmm";

    private final ULocale locale;
    private final TimeZone venueZone;
    private final TimeZone recipientZone;

    /** @param recipientZone null when the recipient has not said where they are */
    Times(ULocale locale, String venueZone, String recipientZone) {
        this.locale = locale;
        this.venueZone = TimeZone.getTimeZone(venueZone);
        this.recipientZone = recipientZone == null ? null : TimeZone.getTimeZone(recipientZone);
    }

    /** "Mon, Oct 21, 2013, 9:00 – 10:30 AM China Time", plus the recipient's time where it differs. */
    String range(Instant start, Instant end, Texts texts) {
        String venue = range(start, end, venueZone);
        return showsOtherClock(start) ? texts.yourTime(venue, range(start, end, recipientZone)) : venue;
    }

    /** One moment, like a deadline, in the same manner. */
    String moment(Instant instant, Texts texts) {
        String venue = moment(instant, venueZone);
        return showsOtherClock(instant) ? texts.yourTime(venue, moment(instant, recipientZone)) : venue;
    }

    private boolean showsOtherClock(Instant instant) {
        long millis = instant.toEpochMilli();
        return recipientZone != null && recipientZone.getOffset(millis) != venueZone.getOffset(millis);
    }

    private String range(Instant start, Instant end, TimeZone zone) {
        DateIntervalFormat format = DateIntervalFormat.getInstance(DAY_AND_TIME, locale);
        format.setTimeZone(zone);
        return format.format(new DateInterval(start.toEpochMilli(), end.toEpochMilli())) + " " + zoneName(zone);
    }

    private String moment(Instant instant, TimeZone zone) {
        DateFormat format = DateFormat.getInstanceForSkeleton(DAY_AND_TIME, locale);
        format.setTimeZone(zone);
        return format.format(Date.from(instant)) + " " + zoneName(zone);
    }

    /** "China Time", "中国时间", "heure : Chine": the zone by its place, which readers recognise better than an offset. */
    private String zoneName(TimeZone zone) {
        return zone.getDisplayName(false, TimeZone.GENERIC_LOCATION, locale);
    }

    /** The texts around times, in the reader's language. */
    interface Texts {
        String yourTime(String venueTime, String yourTime);
    }
}
