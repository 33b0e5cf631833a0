package org.learningcities.notification.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.learningcities.contracts.agenda.ScheduleReleased;
import org.learningcities.notification.delivery.metrics.CausingEvent;
import org.learningcities.notification.messages.Letter;
import org.learningcities.notification.messages.MessageComposer;
import org.learningcities.notification.messages.MessageTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification table: what is to be sent to whom over which channel (the dispatchers' queue) and what
 * became of it (the delivery log). Queueing happens in the transaction that handles the causing event, so
 * an event is either fully handled or not at all, and the unique (event, recipient, channel) makes a
 * redelivered event queue nothing.
 */
@Component
public class Notifications {

    private static final TypeReference<Map<String, String>> FACTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> TITLES = new TypeReference<>() {
    };
    private static final TypeReference<List<ScheduleReleased.Change>> CHANGES = new TypeReference<>() {
    };
    private static final TypeReference<List<ScheduleReleased.SessionState>> SESSION_STATES = new TypeReference<>() {
    };

    /**
     * Which channels a recipient gets, given the preferences row p, the recipient row r and the candidate
     * channel ch: a critical message goes on every channel; otherwise each channel unless switched off.
     * SMS needs a phone number, and goes only for urgent messages.
     */
    private static final String CHANNEL_CHOICE = """
            (:critical or case ch.channel when 'EMAIL' then coalesce(p.email_enabled, true)
                                          when 'IN_APP' then coalesce(p.in_app_enabled, true)
                                          else coalesce(p.sms_enabled, true) end)
            and (ch.channel <> 'SMS' or (r.phone is not null and (:urgent or :critical)))""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Set<Channel> channels;
    private final DispatcherWakeUp dispatcherWakeUp;

    Notifications(JdbcClient jdbc, JsonMapper json, Collection<ChannelSender> senders,
                  DispatcherWakeUp dispatcherWakeUp) {
        this.jdbc = jdbc;
        this.json = json;
        this.dispatcherWakeUp = dispatcherWakeUp;
        this.channels = senders.stream().map(ChannelSender::channel)
                .collect(() -> EnumSet.noneOf(Channel.class), Set::add, Set::addAll);
    }

    /** Queues the message on every channel the recipient gets it on, in the caller's transaction. */
    public void queue(NotificationRequest request) {
        CausingTrace trace = CausingTrace.current();
        List<String> queued = jdbc.sql("""
                insert into notification (id, event_id, recipient_id, recipient_kind, conference_id, channel, template,
                                          parameters, status, critical, session_id, waits_for_badge, event_time,
                                          trace_parent, trace_state)
                select gen_random_uuid(), :eventId, :recipientId, :recipientKind, :conferenceId, ch.channel, :template,
                       cast(:facts as jsonb), 'PENDING', :critical, :sessionId, :waitsForBadge, :eventTime,
                       :traceParent, :traceState
                from unnest(cast(:channels as text[])) as ch(channel)
                left join notification_preference p on p.recipient_id = :recipientId
                left join recipient r on r.recipient_id = :recipientId
                where""" + CHANNEL_CHOICE + """

                on conflict (event_id, recipient_id, channel) do nothing
                returning channel""")
                .param("eventId", request.eventId())
                .param("recipientId", request.recipientId())
                .param("recipientKind", request.recipientKind().name())
                .param("conferenceId", request.conferenceId())
                .param("template", request.template().key())
                .param("facts", json.writeValueAsString(request.facts()))
                .param("critical", request.critical())
                .param("urgent", request.template().urgent())
                .param("sessionId", request.sessionId())
                .param("waitsForBadge", request.template() == MessageTemplate.REGISTRATION_APPROVED)
                .param("eventTime", eventTime())
                .param("traceParent", trace.traceParent())
                .param("traceState", trace.traceState())
                .param("channels", channelNames())
                .query(String.class)
                .list();
        dispatcherWakeUp.afterCommit(queued.stream().map(Channel::valueOf).toList());
    }

    /**
     * Queues one digest per recipient a schedule release concerns, listing every change of theirs: approved
     * delegates for sessions open to all, enrolled ones for sessions that need enrolment, and the interpreters
     * assigned. A digest with a change at short notice is critical.
     *
     * @param shortNotice ids of the sessions whose change is critical (see the caller)
     * @return how many notifications were queued, over all channels
     */
    public int queueScheduleDigests(String eventId, ScheduleReleased release, Collection<String> shortNotice) {
        CausingTrace trace = CausingTrace.current();
        int queued = jdbc.sql("""
                with changed as (
                    select s ->> 'sessionId' as session_id, (s ->> 'enrolmentRequired')::boolean as enrolment_required
                    from jsonb_array_elements(cast(:sessions as jsonb)) s),
                affected as (
                    select d.registration_id as recipient_id, 'DELEGATE' as recipient_kind, c.session_id
                    from changed c
                    join delegate d on d.conference_id = :conferenceId and d.status = 'APPROVED'
                    where not c.enrolment_required
                    union
                    select e.registration_id, 'DELEGATE', c.session_id
                    from changed c
                    join enrolment e on e.session_id = c.session_id and e.status <> 'CANCELLED'
                    join delegate d on d.registration_id = e.registration_id and d.status = 'APPROVED'
                    where c.enrolment_required
                    union
                    select a.interpreter_id, 'INTERPRETER', c.session_id
                    from changed c
                    join interpreter_assignment a on a.session_id = c.session_id and a.active),
                audience as (
                    select recipient_id, recipient_kind, array_agg(session_id order by session_id) as sessions,
                           array_agg(session_id) && cast(:shortNotice as text[]) as critical
                    from affected
                    group by recipient_id, recipient_kind)
                insert into notification (id, event_id, recipient_id, recipient_kind, conference_id, channel, template,
                                          parameters, status, critical, event_time, trace_parent, trace_state)
                select gen_random_uuid(), :eventId, a.recipient_id, a.recipient_kind, :conferenceId, ch.channel,
                       :template,
                       jsonb_build_object(:versionFact, cast(:version as text),
                                          :sessionsFact, array_to_string(a.sessions, ',')),
                       'PENDING', a.critical, :eventTime, :traceParent, :traceState
                from audience a
                cross join unnest(cast(:channels as text[])) as ch(channel)
                left join notification_preference p on p.recipient_id = a.recipient_id
                left join recipient r on r.recipient_id = a.recipient_id
                where""" + CHANNEL_CHOICE.replace(":critical", "a.critical") + """

                on conflict (event_id, recipient_id, channel) do nothing""")
                .param("eventId", eventId)
                .param("conferenceId", release.conferenceId())
                .param("sessions", json.writeValueAsString(release.sessions()))
                .param("shortNotice", shortNotice.toArray(String[]::new))
                .param("template", MessageTemplate.SCHEDULE_CHANGED.key())
                .param("versionFact", MessageComposer.Facts.SCHEDULE_VERSION)
                .param("version", release.version())
                .param("sessionsFact", MessageComposer.Facts.SESSIONS)
                .param("eventTime", eventTime())
                .param("traceParent", trace.traceParent())
                .param("traceState", trace.traceState())
                .param("urgent", MessageTemplate.SCHEDULE_CHANGED.urgent())
                .param("channels", channelNames())
                .update();
        if (queued > 0) {
            dispatcherWakeUp.afterCommit();
        }
        return queued;
    }

    /** When the event being handled happened, kept for the event-to-delivery time. */
    private static OffsetDateTime eventTime() {
        Instant time = CausingEvent.time();
        return time == null ? null : time.atOffset(ZoneOffset.UTC);
    }

    private String[] channelNames() {
        return channels.stream().map(Channel::name).toArray(String[]::new);
    }

    /**
     * The pending notification of this channel due first whose recipient, conference and (where it needs them)
     * session and badge are known, locked until the caller's transaction ends. Rows other instances hold are
     * skipped, so several dispatchers share the work. A message whose facts have not arrived yet is not due:
     * it waits for them rather than going out without an address, a name or what it is about.
     */
    Optional<DueNotification> lockNextDue(Channel channel) {
        return jdbc.sql("""
                select n.id, n.channel, n.template, n.parameters::text as parameters, n.attempts, n.critical,
                       n.recipient_id, n.conference_id, n.event_time, n.trace_parent, n.trace_state,
                       r.given_name, r.family_name, r.email, r.phone, r.correspondence_language, p.time_zone,
                       d.country_code,
                       c.title, c.city, c.time_zone as venue_zone, c.start_date, c.end_date,
                       s.session_id, s.titles::text as titles, s.starts_at, s.ends_at, s.room_name, s.sequence,
                       b.token as badge_token,
                       sr.changes::text as release_changes, sr.sessions::text as release_sessions
                from notification n
                join recipient r on r.recipient_id = n.recipient_id
                join conference c on c.conference_id = n.conference_id
                left join notification_preference p on p.recipient_id = n.recipient_id
                left join delegate d on d.registration_id = n.recipient_id
                left join session s on s.session_id = n.session_id
                left join badge b on b.registration_id = n.recipient_id and n.waits_for_badge
                left join schedule_release sr on n.template = 'schedule-changed'
                     and sr.conference_id = n.conference_id
                     and sr.version = cast(n.parameters ->> 'scheduleVersion' as integer)
                where n.channel = :channel and n.status = 'PENDING' and n.next_attempt_at <= now()
                  and (n.session_id is null or s.session_id is not null)
                  and (not n.waits_for_badge or b.token is not null)
                order by n.next_attempt_at
                limit 1
                for update of n skip locked""")
                .param("channel", channel.name())
                .query(this::due)
                .optional();
    }

    void markSent(UUID id, String language, String provider, String providerMessageId) {
        jdbc.sql("""
                update notification
                set status = 'SENT', attempts = attempts + 1, language = ?, provider = ?, provider_message_id = ?,
                    sent_at = clock_timestamp(), next_attempt_at = null, last_error = null
                where id = ?""")
                .params(language, provider, providerMessageId, id)
                .update();
    }

    void scheduleRetry(UUID id, String language, Duration backoff, String error) {
        jdbc.sql("""
                update notification
                set attempts = attempts + 1, language = ?, last_error = ?,
                    next_attempt_at = clock_timestamp() + ? * interval '1 millisecond'
                where id = ?""")
                .params(language, error, backoff.toMillis(), id)
                .update();
    }

    void markFailed(UUID id, String language, String error) {
        jdbc.sql("""
                update notification
                set status = 'FAILED', attempts = attempts + 1, language = ?, last_error = ?, next_attempt_at = null
                where id = ?""")
                .params(language, error, id)
                .update();
    }

    List<NotificationView> forRecipient(String recipientId) {
        return jdbc.sql(VIEW + " where recipient_id = ? order by created_at desc, channel, id")
                .param(recipientId)
                .query(Notifications::view)
                .list();
    }

    /** Whose notification this is, so that access can be decided by the recipient's linked accounts. */
    public Optional<String> recipientOf(UUID id) {
        return jdbc.sql("select recipient_id from notification where id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    Optional<NotificationView> find(UUID id) {
        return jdbc.sql(VIEW + " where id = ?")
                .param(id)
                .query(Notifications::view)
                .optional();
    }

    private static final String VIEW = """
            select id, event_id, recipient_id, recipient_kind, conference_id, channel, template, language, status,
                   critical, attempts, provider, created_at, next_attempt_at, sent_at, last_error
            from notification""";

    private DueNotification due(ResultSet row, int rowNumber) throws SQLException {
        MessageTemplate template = MessageTemplate.byKey(row.getString("template"));
        Map<String, String> facts = json.readValue(row.getString("parameters"), FACTS);
        Letter.Recipient recipient = new Letter.Recipient(row.getString("recipient_id"), row.getString("given_name"),
                row.getString("family_name"), row.getString("correspondence_language"), row.getString("time_zone"),
                row.getString("country_code"));
        Letter.Conference conference = new Letter.Conference(row.getString("title"), row.getString("city"),
                row.getString("venue_zone"), row.getObject("start_date", LocalDate.class),
                row.getObject("end_date", LocalDate.class));
        Letter.Session session = row.getString("session_id") == null ? null : new Letter.Session(
                row.getString("session_id"), json.readValue(row.getString("titles"), TITLES),
                instant(row, "starts_at"), instant(row, "ends_at"), row.getString("room_name"), row.getInt("sequence"));
        Letter letter = new Letter(template, facts, recipient, conference, session, row.getString("badge_token"),
                releasedChanges(row, facts), row.getBoolean("critical"));
        return new DueNotification(row.getObject("id", UUID.class), Channel.valueOf(row.getString("channel")),
                row.getString("conference_id"), row.getInt("attempts"), row.getString("email"), row.getString("phone"), letter,
                instant(row, "event_time"), new CausingTrace(row.getString("trace_parent"), row.getString("trace_state")));
    }

    /** The release's changes to the sessions this recipient is concerned with, each with the session after it. */
    private List<Letter.ReleasedChange> releasedChanges(ResultSet row, Map<String, String> facts) throws SQLException {
        String changes = row.getString("release_changes");
        if (changes == null) {
            return List.of();
        }
        Set<String> mine = Set.of(facts.getOrDefault(MessageComposer.Facts.SESSIONS, "").split(","));
        Map<String, ScheduleReleased.SessionState> sessions = json.readValue(row.getString("release_sessions"),
                        SESSION_STATES).stream()
                .collect(Collectors.toMap(ScheduleReleased.SessionState::sessionId, state -> state));
        return json.readValue(changes, CHANGES).stream()
                .filter(change -> mine.contains(change.sessionId()) && sessions.containsKey(change.sessionId()))
                .map(change -> new Letter.ReleasedChange(change.kind(), sessions.get(change.sessionId())))
                .toList();
    }

    private static NotificationView view(ResultSet row, int rowNumber) throws SQLException {
        return new NotificationView(
                row.getObject("id", UUID.class).toString(),
                row.getString("event_id"),
                row.getString("recipient_id"),
                row.getString("recipient_kind"),
                row.getString("conference_id"),
                row.getString("channel"),
                row.getString("template"),
                row.getString("language"),
                row.getString("status"),
                row.getBoolean("critical"),
                row.getInt("attempts"),
                row.getString("provider"),
                instant(row, "created_at"),
                instant(row, "next_attempt_at"),
                instant(row, "sent_at"),
                row.getString("last_error"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
