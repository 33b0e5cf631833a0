package org.learningcities.notification.messages;

import java.nio.charset.StandardCharsets;
import java.text.Format;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import org.learningcities.contracts.agenda.ScheduleReleased;
import org.learningcities.documents.BadgeQrCode;
import org.learningcities.documents.SessionCalendar;
import org.springframework.stereotype.Component;

/**
 * Writes a message in the recipient's correspondence language (English when theirs has no texts) from the ICU
 * message patterns in {@code messages/notifications_*.properties}: plurals, ordinals and dates are worded by
 * each language's own rules, and times are shown on the venue's clocks and, where it differs, the recipient's.
 */
@Component
public class MessageComposer {

    private static final String TEXTS = "messages/notifications";

    // Only the resolved language's own file: never the JVM's default locale, which differs between machines.
    private static final ResourceBundle.Control OWN_FILE_ONLY =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static final Set<Character.UnicodeScript> FAMILY_NAME_FIRST_SCRIPTS = Set.of(
            Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA,
            Character.UnicodeScript.HANGUL);

    private final SessionCalendar calendar = new SessionCalendar();

    public ComposedMessage compose(Letter letter) {
        CorrespondenceLanguage language = CorrespondenceLanguage.forTag(letter.recipient().correspondenceLanguage());
        Writing writing = new Writing(letter, language);
        Map<String, Object> arguments = writing.commonArguments();
        List<Attachment> attachments = new ArrayList<>();
        Map<String, String> facts = letter.parameters();
        switch (letter.template()) {
            case REGISTRATION_RECEIVED -> {
                arguments.put("registrationId", letter.recipient().id());
                arguments.put("status", facts.get(Facts.REGISTRATION_STATUS));
            }
            case REGISTRATION_APPROVED -> {
                arguments.put("registrationId", letter.recipient().id());
                attachments.add(new Attachment("badge.png", "image/png", BadgeQrCode.png(letter.badgeToken())));
            }
            case REGISTRATION_REJECTED -> {
                arguments.put("registrationId", letter.recipient().id());
                String reason = facts.get(Facts.REASON);
                arguments.put("reason", reason == null || reason.isBlank() ? ""
                        : writing.text("piece.reason", Map.of("reason", reason.strip())));
            }
            case REGISTRATION_WITHDRAWN -> arguments.put("registrationId", letter.recipient().id());
            case WAITLIST_OFFER_MADE -> {
                Instant expiresAt = Instant.parse(facts.get(Facts.EXPIRES_AT));
                Instant offeredAt = Instant.parse(facts.get(Facts.OFFERED_AT));
                arguments.put("expires", writing.times.moment(expiresAt, writing::yourTime));
                arguments.put("hoursLeft", Math.max(1, Duration.between(offeredAt, expiresAt).toHours()));
            }
            case WAITLIST_OFFER_EXPIRED -> {
            }
            case ENROLMENT_CONFIRMED, ENROLMENT_PROMOTED -> writing.sessionArguments(arguments);
            case ENROLMENT_WAITLISTED -> {
                writing.sessionArguments(arguments);
                arguments.put("position", Integer.parseInt(facts.get(Facts.POSITION)));
            }
            case SCHEDULE_CHANGED -> {
                List<String> lines = letter.release().stream().map(writing::changeLine).toList();
                arguments.put("version", Integer.parseInt(facts.get(Facts.SCHEDULE_VERSION)));
                arguments.put("count", lines.size());
                arguments.put("changes", String.join("\n", lines));
                arguments.put("firstChange", lines.isEmpty() ? "" : lines.getFirst().replaceFirst("^•\\s*", ""));
                arguments.put("urgent", letter.critical() ? "yes" : "no");
                attachments.add(calendarOf(letter, releasedEvents(letter, writing)));
            }
            case INTERPRETER_ASSIGNED -> {
                writing.sessionArguments(arguments);
                arguments.put("booth", writing.languageName(facts.get(Facts.BOOTH_LANGUAGE)));
                String relay = facts.get(Facts.RELAY_LANGUAGE);
                arguments.put("relay", relay == null ? ""
                        : writing.text("piece.relay", Map.of("relay", writing.languageName(relay))));
                Letter.Session session = letter.session();
                attachments.add(calendarOf(letter, List.of(new SessionCalendar.Event(session.sessionId(),
                        session.sequence(), session.startsAt(), session.endsAt(), writing.sessionTitle(session.titles()),
                        session.roomName(), null, SessionCalendar.Status.CONFIRMED))));
            }
            case INTERPRETER_RELEASED -> {
                writing.sessionArguments(arguments);
                arguments.put("booth", writing.languageName(facts.get(Facts.BOOTH_LANGUAGE)));
            }
        }
        String key = letter.template().key();
        return new ComposedMessage(language.tag(), (String) arguments.get("name"),
                writing.text(key + ".subject", arguments),
                writing.text(key + ".body", arguments),
                writing.text(key + ".short", arguments),
                attachments);
    }

    private Attachment calendarOf(Letter letter, List<SessionCalendar.Event> events) {
        String ics = calendar.render(ZoneId.of(letter.conference().timeZone()), letter.conference().title(), events);
        return new Attachment("programme.ics", SessionCalendar.CONTENT_TYPE, ics.getBytes(StandardCharsets.UTF_8));
    }

    /** Each changed session once, as it now stands: a calendar client moves, renames or removes its copy by UID. */
    private static List<SessionCalendar.Event> releasedEvents(Letter letter, Writing writing) {
        Map<String, SessionCalendar.Event> bySession = new LinkedHashMap<>();
        for (Letter.ReleasedChange change : letter.release()) {
            ScheduleReleased.SessionState session = change.session();
            bySession.putIfAbsent(session.sessionId(), new SessionCalendar.Event(session.sessionId(),
                    session.sequence(), session.startsAt(), session.endsAt(), writing.sessionTitle(session.titles()),
                    session.roomName(), null,
                    session.cancelled() ? SessionCalendar.Status.CANCELLED : SessionCalendar.Status.CONFIRMED));
        }
        return List.copyOf(bySession.values());
    }

    /**
     * Chinese, Japanese and Korean names are written family name first and without a space (王伟);
     * other names given name first, as the recipient entered them.
     */
    static String displayName(String givenName, String familyName) {
        String given = givenName == null ? "" : givenName.strip();
        String family = familyName == null ? "" : familyName.strip();
        if (writtenFamilyNameFirst(family) && writtenFamilyNameFirst(given)) {
            return family + given;
        }
        return (given + " " + family).strip();
    }

    private static boolean writtenFamilyNameFirst(String namePart) {
        return namePart.codePoints()
                .filter(Character::isLetter)
                .allMatch(codePoint -> FAMILY_NAME_FIRST_SCRIPTS.contains(Character.UnicodeScript.of(codePoint)));
    }

    /** The names under which event facts travel in {@link Letter#parameters()}. */
    public static final class Facts {
        public static final String REGISTRATION_STATUS = "registrationStatus";
        public static final String REASON = "reason";
        public static final String EXPIRES_AT = "expiresAt";
        public static final String OFFERED_AT = "offeredAt";
        public static final String POSITION = "position";
        public static final String SCHEDULE_VERSION = "scheduleVersion";
        /** Comma-separated ids of the sessions of a release that concern the recipient. */
        public static final String SESSIONS = "sessions";
        public static final String BOOTH_LANGUAGE = "boothLanguage";
        public static final String RELAY_LANGUAGE = "relayLanguage";

        private Facts() {
        }
    }

    /** One message being written: its language, texts and clocks. */
    private final class Writing {

        private final Letter letter;
        private final Locale locale;
        private final ULocale icuLocale;
        private final ResourceBundle texts;
        private final Times times;

        Writing(Letter letter, CorrespondenceLanguage language) {
            this.letter = letter;
            this.locale = language.locale();
            this.icuLocale = ULocale.forLocale(locale);
            this.texts = ResourceBundle.getBundle(TEXTS, locale, OWN_FILE_ONLY);
            this.times = new Times(icuLocale, letter.conference().timeZone(), recipientZone(letter.recipient()));
        }

        /** The zone they chose, else their country's when it has just one (France, Kenya; not China, Brazil). */
        private static String recipientZone(Letter.Recipient recipient) {
            String chosen = recipient.timeZone();
            if (chosen != null && ZoneId.getAvailableZoneIds().contains(chosen)) {
                return chosen;
            }
            if (recipient.countryCode() == null) {
                return null;
            }
            Set<String> zones = TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION,
                    recipient.countryCode(), null);
            return zones.size() == 1 ? zones.iterator().next() : null;
        }

        Map<String, Object> commonArguments() {
            Map<String, Object> arguments = new HashMap<>();
            arguments.put("name", displayName(letter.recipient().givenName(), letter.recipient().familyName()));
            arguments.put("conference", letter.conference().title());
            arguments.put("city", letter.conference().city());
            arguments.put("startDate", day(letter.conference().startDate()));
            arguments.put("endDate", day(letter.conference().endDate()));
            arguments.put("signature", texts.getString("signature"));
            return arguments;
        }

        void sessionArguments(Map<String, Object> arguments) {
            Letter.Session session = letter.session();
            arguments.put("session", sessionTitle(session.titles()));
            arguments.put("when", times.range(session.startsAt(), session.endsAt(), this::yourTime));
            arguments.put("room", session.roomName() == null ? texts.getString("piece.no-room") : session.roomName());
        }

        String changeLine(Letter.ReleasedChange change) {
            ScheduleReleased.SessionState session = change.session();
            Map<String, Object> arguments = new HashMap<>();
            arguments.put("session", sessionTitle(session.titles()));
            arguments.put("when", times.range(session.startsAt(), session.endsAt(), this::yourTime));
            arguments.put("previousWhen", session.previousStartsAt() == null ? ""
                    : times.range(session.previousStartsAt(), session.previousEndsAt(), this::yourTime));
            arguments.put("room", session.roomName() == null ? texts.getString("piece.no-room") : session.roomName());
            arguments.put("previousRoom", session.previousRoomName() == null ? texts.getString("piece.no-room")
                    : session.previousRoomName());
            String reason = session.cancellationReason();
            arguments.put("reason", reason == null || reason.isBlank() ? ""
                    : text("piece.cancellation-reason", Map.of("reason", reason.strip())));
            return text("schedule-changed.line." + change.kind(), arguments);
        }

        /** The title in the reader's language, else English, else any. */
        String sessionTitle(Map<String, String> titles) {
            String own = titles.get(locale.getLanguage());
            if (own != null) {
                return own;
            }
            return titles.getOrDefault("en", titles.values().stream().sorted().findFirst().orElse(""));
        }

        /** "Chinese", "中文", "chinois": a language as the reader calls it. */
        String languageName(String tag) {
            return ULocale.forLanguageTag(tag).getDisplayLanguage(icuLocale);
        }

        String yourTime(String venueTime, String yourTime) {
            return text("time.with-yours", Map.of("venueTime", venueTime, "yourTime", yourTime));
        }

        String text(String key, Map<String, Object> arguments) {
            MessageFormat format = new MessageFormat(texts.getString(key), icuLocale);
            // Days are calendar dates, not instants: format them as written, whatever the JVM's zone.
            for (Format argumentFormat : format.getFormats()) {
                if (argumentFormat instanceof DateFormat dateFormat) {
                    dateFormat.setTimeZone(TimeZone.GMT_ZONE);
                }
            }
            return format.format(arguments);
        }

        private static Date day(LocalDate date) {
            return Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
    }
}
