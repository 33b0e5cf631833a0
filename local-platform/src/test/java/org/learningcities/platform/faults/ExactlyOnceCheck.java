package org.learningcities.platform.faults;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.learningcities.platform.LocalPlatform;
import org.learningcities.platform.PlatformService;
import org.learningcities.platform.faults.RegistrationBurst.Registration;

/**
 * Nothing accepted is lost and nothing is doubled, checked in every place a registration leaves a trace once the
 * platform has settled:
 * <ul>
 *   <li>registration-service: one row per accepted registration, with the id its 2xx answer gave; each
 *       Idempotency-Key names that same registration, so no retry made a second one; the rows of the conference are
 *       exactly the registrations of the burst;</li>
 *   <li>its outbox: exactly one DelegateRegistered event id per registration;</li>
 *   <li>agenda-, interpretation- and notification-service: one copy of the delegate each, and that event id once in
 *       each consumer's inbox;</li>
 *   <li>notification-service: one acknowledgement, SENT; the SMTP server: exactly one e-mail to the address.</li>
 * </ul>
 * The registrations to expect are registration-service's rows for the conference, not only the 2xx answers: a
 * request can commit and then lose its answer (a killed service, a cut connection). Such a row was accepted by
 * the platform, so it must be delivered exactly once like any other; a client retrying with its Idempotency-Key
 * gets that row back rather than a second one. Since every burst retries until accepted, the two sets end equal.
 *
 * <p>E-mail is the one effect outside our transactions: notification-service hands a message to the SMTP server,
 * then commits that it was sent. A crash of notification-service or of its database between the two sends the same
 * notification again, with the same {@code X-Notification-Id} header for the recipient's system to spot the repeat.
 * Scenarios that cannot hit that window forbid any repeat; those that crash notification-service or PostgreSQL say
 * so with {@link MailRepeats#SAME_NOTIFICATION_TOLERATED}, which still requires exactly one notification per
 * registration and reports how many hand-offs were repeated.
 */
final class ExactlyOnceCheck {

    static final String DELEGATE_REGISTERED = "org.learningcities.registration.delegate.registered.v1";
    /** Each consumer service's inbox name for the delegate topic, and the database its copy of the delegates is in. */
    static final Map<PlatformService, String> DELEGATE_CONSUMERS = Map.of(
            PlatformService.AGENDA, "agenda-service.delegates",
            PlatformService.INTERPRETATION, "interpretation-service.delegates",
            PlatformService.NOTIFICATION, "notification-service.delegates");
    private static final Duration SETTLING_TIMEOUT = Duration.ofSeconds(120);
    /** Held this long after first passing, so a late duplicate (a resent mail, a replayed event) is caught too. */
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(4);

    private final LocalPlatform platform;
    private final String conferenceId;
    private final RegistrationBurst.Result burst;
    private final MailRepeats mailRepeats;
    private long repeatedMails;

    private ExactlyOnceCheck(LocalPlatform platform, String conferenceId, RegistrationBurst.Result burst,
                             MailRepeats mailRepeats) {
        this.platform = platform;
        this.conferenceId = conferenceId;
        this.burst = burst;
        this.mailRepeats = mailRepeats;
    }

    /** Whether the same notification may reach the SMTP server twice (see the class comment). */
    enum MailRepeats {
        FORBIDDEN,
        SAME_NOTIFICATION_TOLERATED
    }

    /**
     * @param after         from the call until every trace was first in place
     * @param repeatedMails e-mails that repeated an earlier one's {@code X-Notification-Id}
     */
    record Settled(Duration after, long repeatedMails) {
    }

    /**
     * Waits until every trace of the burst is in place and stays so, then returns how long that took.
     *
     * @throws org.awaitility.core.ConditionTimeoutException listing every registration missing or doubled, and where
     */
    static Settled assertDeliveredExactlyOnce(LocalPlatform platform, String conferenceId,
                                              RegistrationBurst.Result burst, MailRepeats mailRepeats) {
        ExactlyOnceCheck check = new ExactlyOnceCheck(platform, conferenceId, burst, mailRepeats);
        long started = System.nanoTime();
        long[] firstPassed = {0};
        await("every accepted registration of " + burst.label() + " delivered exactly once")
                .atMost(SETTLING_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .during(QUIET_PERIOD)
                .untilAsserted(() -> {
                    try {
                        check.verify();
                    } catch (AssertionError notYet) {
                        firstPassed[0] = 0;
                        throw notYet;
                    }
                    if (firstPassed[0] == 0) {
                        firstPassed[0] = System.nanoTime();
                    }
                });
        return new Settled(Duration.ofNanos(firstPassed[0] - started), check.repeatedMails);
    }

    private void verify() throws SQLException {
        List<String> problems = new ArrayList<>();
        Map<String, String> emailByRegistration = registrationRows(problems);
        Set<String> expected = emailByRegistration.keySet();
        Map<String, String> eventByRegistration = registeredEvents(expected, problems);
        for (Map.Entry<PlatformService, String> consumer : DELEGATE_CONSUMERS.entrySet()) {
            checkReplica(consumer.getKey(), expected, problems);
            checkInbox(consumer.getKey(), consumer.getValue(), eventByRegistration, problems);
        }
        checkAcknowledgements(expected, problems);
        checkMail(emailByRegistration, problems);
        if (!problems.isEmpty()) {
            throw new AssertionError(burst.label() + ": " + problems.size() + " problem(s) with "
                    + expected.size() + " registrations:\n  " + String.join("\n  ", problems));
        }
    }

    /** Registration-service's rows of the conference, by id, against what the clients were told. */
    private Map<String, String> registrationRows(List<String> problems) throws SQLException {
        Map<String, String> emailByRegistration = new HashMap<>();
        Map<String, String> registrationByKey = new HashMap<>();
        try (Connection db = connect(PlatformService.REGISTRATION)) {
            query(db, "select registration_id, email from registration where conference_id = ?",
                    row -> emailByRegistration.put(row.getString(1), row.getString(2)));
            query(db, "select idempotency_key, registration_id from idempotency_key where conference_id = ?",
                    row -> registrationByKey.put(row.getString(1), row.getString(2)));
        }
        Map<String, Registration> sentByEmail = burst.registrations().stream()
                .collect(Collectors.toMap(Registration::email, Function.identity()));
        for (Registration registration : burst.accepted()) {
            if (!emailByRegistration.containsKey(registration.registrationId())) {
                problems.add("registration-service has no row for accepted " + registration.registrationId()
                        + " (" + registration.email() + ")");
            }
            String keyNames = registrationByKey.get(registration.idempotencyKey());
            if (!registration.registrationId().equals(keyNames)) {
                problems.add("Idempotency-Key of " + registration.email() + " names " + keyNames + ", the client was"
                        + " given " + registration.registrationId());
            }
        }
        Map<String, Long> rowsPerEmail = emailByRegistration.values().stream()
                .collect(Collectors.groupingBy(email -> email, Collectors.counting()));
        rowsPerEmail.forEach((email, rows) -> {
            if (rows > 1) {
                problems.add(rows + " registrations for " + email + " (retries doubled it)");
            }
            if (!sentByEmail.containsKey(email)) {
                problems.add("registration for " + email + ", which the burst never sent");
            }
        });
        return emailByRegistration;
    }

    private Map<String, String> registeredEvents(Set<String> registrations, List<String> problems) throws SQLException {
        Map<String, List<String>> events = new HashMap<>();
        try (Connection db = connect(PlatformService.REGISTRATION)) {
            query(db, """
                    select o.message_key, o.event_id::text from messaging.outbox_event o
                    join registration r on r.registration_id = o.message_key
                    where r.conference_id = ? and o.event_type = '%s'""".formatted(DELEGATE_REGISTERED),
                    row -> events.computeIfAbsent(row.getString(1), any -> new ArrayList<>()).add(row.getString(2)));
        }
        Map<String, String> eventByRegistration = new HashMap<>();
        for (String registration : registrations) {
            List<String> ids = events.getOrDefault(registration, List.of());
            if (ids.size() != 1) {
                problems.add("outbox holds " + ids.size() + " DelegateRegistered for " + registration + ": " + ids);
            }
            if (!ids.isEmpty()) {
                eventByRegistration.put(registration, ids.getFirst());
            }
        }
        return eventByRegistration;
    }

    private void checkReplica(PlatformService service, Set<String> registrations, List<String> problems)
            throws SQLException {
        Map<String, Integer> copies = new HashMap<>();
        try (Connection db = connect(service)) {
            query(db, "select registration_id from delegate where conference_id = ?",
                    row -> copies.merge(row.getString(1), 1, Integer::sum));
        }
        for (String registration : registrations) {
            int found = copies.getOrDefault(registration, 0);
            if (found != 1) {
                problems.add(service.moduleName() + " holds " + found + " copies of delegate " + registration);
            }
        }
        copies.keySet().stream().filter(registration -> !registrations.contains(registration))
                .forEach(unknown -> problems.add(service.moduleName() + " holds delegate " + unknown
                        + ", which registration-service does not"));
    }

    private void checkInbox(PlatformService service, String consumer, Map<String, String> eventByRegistration,
                            List<String> problems) throws SQLException {
        Map<String, Integer> received = new HashMap<>();
        try (Connection db = connect(service);
             PreparedStatement statement = db.prepareStatement("""
                     select event_id, count(*) from messaging.inbox_event
                     where consumer = ? and event_type = ? and event_id = any(?) group by event_id""")) {
            statement.setString(1, consumer);
            statement.setString(2, DELEGATE_REGISTERED);
            statement.setArray(3, db.createArrayOf("text", eventByRegistration.values().toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    received.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        eventByRegistration.forEach((registration, event) -> {
            int times = received.getOrDefault(event, 0);
            if (times != 1) {
                problems.add("inbox of " + consumer + " holds event " + event + " of " + registration + " "
                        + times + " times");
            }
        });
    }

    private void checkAcknowledgements(Set<String> registrations, List<String> problems) throws SQLException {
        Map<String, List<String>> statuses = new HashMap<>();
        try (Connection db = connect(PlatformService.NOTIFICATION)) {
            query(db, """
                    select recipient_id, status from notification
                    where conference_id = ? and template = 'registration-received' and channel = 'EMAIL'""",
                    row -> statuses.computeIfAbsent(row.getString(1), any -> new ArrayList<>()).add(row.getString(2)));
        }
        for (String registration : registrations) {
            List<String> found = statuses.getOrDefault(registration, List.of());
            if (!found.equals(List.of("SENT"))) {
                problems.add("notification-service's acknowledgements of " + registration + ": " + found);
            }
        }
    }

    private void checkMail(Map<String, String> emailByRegistration, List<String> problems) {
        Set<String> burstEmails = burst.registrations().stream().map(Registration::email).collect(Collectors.toSet());
        Map<String, List<String>> mails = new HashMap<>();
        for (MimeMessage mail : platform.greenMail().getReceivedMessages()) {
            for (String recipient : recipients(mail)) {
                if (burstEmails.contains(recipient)) {
                    mails.computeIfAbsent(recipient, any -> new ArrayList<>()).add(notificationId(mail));
                }
            }
        }
        long repeats = 0;
        for (Map.Entry<String, String> registration : emailByRegistration.entrySet()) {
            String email = registration.getValue();
            List<String> received = mails.getOrDefault(email, List.of());
            long notifications = received.stream().distinct().count();
            boolean once = mailRepeats == MailRepeats.FORBIDDEN ? received.size() == 1 : notifications == 1;
            if (!once) {
                problems.add(received.size() + " e-mails to " + email + " (" + registration.getKey()
                        + "), X-Notification-Id " + received);
            }
            repeats += received.size() - notifications;
        }
        repeatedMails = repeats;
        mails.keySet().stream().filter(email -> !emailByRegistration.containsValue(email))
                .forEach(email -> problems.add("e-mail to " + email + ", who has no registration"));
    }

    private Connection connect(PlatformService service) throws SQLException {
        return platform.postgres().openConnection(service.database().orElseThrow());
    }

    private void query(Connection db, String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, conferenceId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.handle(rows);
                }
            }
        }
    }

    private static List<String> recipients(MimeMessage mail) {
        try {
            Message.RecipientType to = Message.RecipientType.TO;
            return mail.getRecipients(to) == null ? List.of() : Arrays.stream(mail.getRecipients(to))
                    .map(address -> ((InternetAddress) address).getAddress())
                    .toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String notificationId(MimeMessage mail) {
        try {
            return mail.getHeader("X-Notification-Id", null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }
}
