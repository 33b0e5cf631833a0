package org.learningcities.documents;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Renders sessions as an RFC 5545 calendar: agenda-service's feeds, notification-service's attachments and
 * interpreters' schedules alike. UIDs are stable per session and SEQUENCE follows the session's releases, so
 * whichever of them a calendar client receives, it moves an event it already has instead of adding one, and
 * removes it when it arrives CANCELLED. Thread-safe.
 */
public class SessionCalendar {

    /** The media type of every calendar rendered here. */
    public static final String CONTENT_TYPE = "text/calendar;charset=UTF-8";

    private static final String PRODUCT = "-//UNESCO Learning Cities//Agenda//EN";
    private static final String UID_DOMAIN = "@learningcities.org";

    // ical4j's registry carries the tz database's history as VTIMEZONE definitions; it is thread-safe.
    private final TimeZoneRegistry timeZones = TimeZoneRegistryFactory.getInstance().createRegistry();

    /** How a calendar client should show the event: TENTATIVE for a seat still waited for, CANCELLED to remove it. */
    public enum Status {
        CONFIRMED, TENTATIVE, CANCELLED
    }

    /**
     * One session as a calendar event.
     *
     * @param location    the room's name, or null
     * @param description free text, or null
     */
    public record Event(String sessionId, int sequence, Instant start, Instant end, String summary,
                        String location, String description, Status status) {
    }

    /** A calendar without a display name. */
    public String render(ZoneId venueZone, List<Event> events) {
        return render(venueZone, null, events);
    }

    /** @param name shown by calendar clients as the subscribed calendar's name (X-WR-CALNAME), or null */
    public String render(ZoneId venueZone, String name, List<Event> events) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        if (name != null) {
            calendar.add(new XProperty("X-WR-CALNAME", name));
        }
        TimeZone venueTimeZone = timeZones.getTimeZone(venueZone.getId());
        if (venueTimeZone != null) {
            calendar.add(venueTimeZone.getVTimeZone());
        }
        for (Event event : events) {
            calendar.add(vevent(event, venueTimeZone == null ? null : venueZone));
        }
        StringWriter ics = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, ics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ics.toString();
    }

    /**
     * Times on the venue's clocks when its zone has a VTIMEZONE, else in UTC, which every client reads alike. The
     * venue's clock time is computed with java.time and written with its TZID: ical4j's own conversion of a
     * ZonedDateTime applies China's 1986-1991 summer time to every later summer, an hour off.
     */
    private static VEvent vevent(Event event, ZoneId venueZone) {
        VEvent vevent = venueZone == null
                ? new VEvent(event.start(), event.end(), event.summary())
                : onVenueClocks(event, venueZone);
        vevent.add(new Uid(event.sessionId() + UID_DOMAIN));
        vevent.add(new Sequence(event.sequence()));
        if (event.location() != null) {
            vevent.add(new Location(event.location()));
        }
        if (event.description() != null) {
            vevent.add(new Description(event.description()));
        }
        vevent.add(switch (event.status()) {
            case CONFIRMED -> ImmutableStatus.VEVENT_CONFIRMED;
            case TENTATIVE -> ImmutableStatus.VEVENT_TENTATIVE;
            case CANCELLED -> ImmutableStatus.VEVENT_CANCELLED;
        });
        return vevent;
    }

    private static VEvent onVenueClocks(Event event, ZoneId venueZone) {
        VEvent vevent = new VEvent(LocalDateTime.ofInstant(event.start(), venueZone),
                LocalDateTime.ofInstant(event.end(), venueZone), event.summary());
        TzId zone = new TzId(venueZone.getId());
        vevent.getProperty(Property.DTSTART).ifPresent(start -> start.add(zone));
        vevent.getProperty(Property.DTEND).ifPresent(end -> end.add(zone));
        return vevent;
    }
}
