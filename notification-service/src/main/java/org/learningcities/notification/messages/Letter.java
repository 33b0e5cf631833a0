package org.learningcities.notification.messages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.learningcities.contracts.agenda.ScheduleReleased;

/**
 * Everything a message is written from: the facts its event gave, and the latest copies of the recipient,
 * the conference and, where it is about one, the session.
 *
 * @param parameters facts of the causing event, by the names {@link MessageComposer} reads
 * @param session    null unless the message is about one session
 * @param badgeToken the signed badge token to show as a QR code, or null
 * @param release    the changes of a schedule release to sessions that concern this recipient; empty otherwise
 * @param critical   urgent enough to go whatever the recipient's preferences, and marked so
 */
public record Letter(MessageTemplate template, Map<String, String> parameters, Recipient recipient,
                     Conference conference, Session session, String badgeToken, List<ReleasedChange> release,
                     boolean critical) {

    public Letter {
        parameters = Map.copyOf(parameters);
        release = List.copyOf(release);
    }

    /**
     * @param correspondenceLanguage BCP 47 tag as the recipient chose it, not yet resolved to a supported language
     * @param timeZone               IANA zone the recipient chose to read times in, or null
     * @param countryCode            ISO 3166-1 country of a delegate, or null: its zone when it has only one
     */
    public record Recipient(String id, String givenName, String familyName, String correspondenceLanguage,
                            String timeZone, String countryCode) {
    }

    /** @param timeZone IANA zone of the venue */
    public record Conference(String title, String city, String timeZone, LocalDate startDate, LocalDate endDate) {
    }

    /** @param titles title per BCP 47 language tag */
    public record Session(String sessionId, Map<String, String> titles, Instant startsAt, Instant endsAt,
                          String roomName, int sequence) {

        public Session {
            titles = Map.copyOf(titles);
        }
    }

    /** One change of a release to a session the recipient attends or interprets, and the session after it. */
    public record ReleasedChange(String kind, ScheduleReleased.SessionState session) {
    }
}
