package org.learningcities.notification.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.learningcities.notification.TestProgramme.cancelled;
import static org.learningcities.notification.TestProgramme.change;
import static org.learningcities.notification.TestProgramme.moved;
import static org.learningcities.notification.TestProgramme.release;
import static org.learningcities.notification.TestProgramme.scheduled;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.learningcities.contracts.agenda.ScheduleReleased;
import org.learningcities.contracts.agenda.ScheduleReleased.SessionState;
import org.learningcities.contracts.interpretation.InterpreterAssigned;
import org.learningcities.contracts.interpretation.InterpreterContactChanged;
import org.learningcities.notification.Mails;
import org.learningcities.notification.NotificationServiceTest;
import org.learningcities.notification.TestDelegate;
import org.learningcities.testsupport.TestEvents;

class ScheduleDigestTest extends NotificationServiceTest {

    /** 21 October 2013, 09:00–10:30 in Beijing. */
    private static final Instant NINE = Instant.parse("2013-10-21T01:00:00Z");
    private static final Instant HALF_PAST_TEN = Instant.parse("2013-10-21T02:30:00Z");

    private final TestDelegate enrolled = TestDelegate.named("Grace", "Okafor", "en");
    private final TestDelegate notEnrolled = enrolled.colleague("伟", "王", "zh");
    private final TestDelegate pending = enrolled.colleague("Amélie", "Dubois", "fr");
    private final TestDelegate withdrawn = enrolled.colleague("José", "Martínez", "es");

    @Test
    void sendsEachAffectedPersonOneMessageListingAllTheirChangesAndNoOneElseAny() throws Exception {
        SessionState opening = scheduled("opening-" + UUID.randomUUID(), "Opening plenary", NINE, HALF_PAST_TEN,
                "Hall A", false);
        SessionState forum = scheduled("forum-" + UUID.randomUUID(), "Regional forum: Africa", NINE.plusSeconds(21_600),
                HALF_PAST_TEN.plusSeconds(21_600), "Room 3", true);
        String interpreterId = "interpreter-" + UUID.randomUUID();
        meetTheDelegates();
        TestEvents.publish(new InterpreterContactChanged(interpreterId, "Marie", "Lefèvre",
                interpreterId + "@interpreters.example", null, "fr", null));
        TestEvents.publish(release(enrolled.conferenceId(), 1,
                List.of(change(opening, "SCHEDULED"), change(forum, "SCHEDULED")), List.of(opening, forum)));
        TestEvents.publish(enrolled.enrolled(forum.sessionId()));
        TestEvents.publish(new InterpreterAssigned(opening.sessionId(), enrolled.conferenceId(), interpreterId, "fr",
                null, Instant.now()));
        awaitTemplate(enrolled, "enrolment-confirmed");
        await().until(() -> deliveryLog(interpreterId).stream()
                .anyMatch(logged -> logged.template().equals("interpreter-assigned")));

        SessionState openingMoved = moved(opening, NINE.plusSeconds(7200), HALF_PAST_TEN.plusSeconds(7200), "Hall B");
        String releaseId = TestEvents.publish(release(enrolled.conferenceId(), 2, List.of(
                        change(openingMoved, "RESCHEDULED"), change(openingMoved, "RELOCATED"),
                        change(forum, "CANCELLED")),
                List.of(openingMoved, cancelled(forum, "merged with the mayors' forum"))));

        MimeMessage toEnrolled = awaitEmailCausedBy(enrolled.email(), releaseId);
        assertThat(toEnrolled.getSubject()).isEqualTo("3 changes to your programme at International Conference on Learning Cities");
        assertThat(Mails.text(toEnrolled))
                .contains("(version 2)")
                .contains("• Moved: “Opening plenary” is now Mon, Oct 21, 2013, 11:00")
                .contains("• New room for “Opening plenary”: Hall B (was Hall A)")
                .contains("• Cancelled: “Regional forum: Africa”", "(merged with the mayors' forum)");
        List<VEvent> events = calendarEvents(toEnrolled);
        assertThat(events).extracting(event -> event.getUid().orElseThrow().getValue())
                .containsExactlyInAnyOrder(opening.sessionId() + "@learningcities.org",
                        forum.sessionId() + "@learningcities.org");
        assertThat(events).filteredOn(event -> event.getUid().orElseThrow().getValue().startsWith("forum-"))
                .singleElement().satisfies(event -> assertThat(event.getStatus().getValue()).isEqualTo("CANCELLED"));

        MimeMessage toOthers = awaitEmailCausedBy(notEnrolled.email(), releaseId);
        assertThat(toOthers.getSubject()).isEqualTo("您在International Conference on Learning Cities的日程有2项变更");
        assertThat(Mails.text(toOthers)).startsWith("尊敬的王伟").contains("时间变更：“Opening plenary”", "中国时间")
                .doesNotContain("Regional forum");

        MimeMessage toInterpreter = awaitEmailCausedBy(interpreterId + "@interpreters.example", releaseId);
        assertThat(Mails.text(toInterpreter)).startsWith("Bonjour Marie Lefèvre").contains("Opening plenary")
                .doesNotContain("Regional forum");

        // All digests of a release are queued in one transaction: whoever has none by now gets none.
        for (TestDelegate uninvolved : List.of(pending, withdrawn)) {
            assertThat(deliveryLog(uninvolved.registrationId()))
                    .noneMatch(logged -> logged.template().equals("schedule-changed"));
        }
    }

    @Test
    void sendsOneDigestPerRecipientWhenTheReleaseIsDeliveredAgain() {
        SessionState opening = scheduled("opening-" + UUID.randomUUID(), "Opening plenary", NINE, HALF_PAST_TEN,
                "Hall A", false);
        meetTheDelegates();
        ScheduleReleased first = release(enrolled.conferenceId(), 1, List.of(change(opening, "SCHEDULED")),
                List.of(opening));

        String releaseId = TestEvents.publish(first);
        TestEvents.publish(first, releaseId);

        awaitEmailCausedBy(enrolled.email(), releaseId);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(emailsCausedBy(enrolled.email(), releaseId)).hasSize(1));
        assertThat(deliveryLog(enrolled.registrationId()))
                .filteredOn(logged -> logged.eventId().equals(releaseId))
                .extracting(LoggedNotification::channel).containsExactlyInAnyOrder("EMAIL", "IN_APP");
    }

    @Test
    void sendsAChangeAtShortNoticeOnEveryChannelEvenOneTheRecipientSwitchedOff() throws Exception {
        Instant inTwoHours = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        SessionState today = scheduled("today-" + UUID.randomUUID(), "Mayors' forum", inTwoHours,
                inTwoHours.plus(90, ChronoUnit.MINUTES), "Hall C", false);
        SessionState nextMonth = scheduled("later-" + UUID.randomUUID(), "Study visit", inTwoHours.plus(30, ChronoUnit.DAYS),
                inTwoHours.plus(30, ChronoUnit.DAYS).plus(3, ChronoUnit.HOURS), null, false);
        meetTheDelegates();
        switchOffEmail(enrolled);
        TestEvents.publish(release(enrolled.conferenceId(), 1,
                List.of(change(today, "SCHEDULED"), change(nextMonth, "SCHEDULED")), List.of(today, nextMonth)));

        String ordinary = TestEvents.publish(release(enrolled.conferenceId(), 2,
                List.of(change(nextMonth, "CANCELLED")), List.of(cancelled(nextMonth, null))));
        String critical = TestEvents.publish(release(enrolled.conferenceId(), 3,
                List.of(change(today, "CANCELLED")), List.of(cancelled(today, "venue closed"))));

        MimeMessage urgent = awaitEmailCausedBy(enrolled.email(), critical);
        assertThat(urgent.getSubject()).startsWith("[Urgent] A change to your programme");
        await().untilAsserted(() -> assertThat(deliveryLog(enrolled.registrationId()))
                .filteredOn(logged -> logged.eventId().equals(critical))
                .allSatisfy(logged -> assertThat(logged.critical()).isTrue())
                .extracting(LoggedNotification::channel).containsExactlyInAnyOrder("EMAIL", "IN_APP", "SMS"));
        assertThat(deliveryLog(enrolled.registrationId()))
                .filteredOn(logged -> logged.eventId().equals(ordinary))
                .extracting(LoggedNotification::channel).containsExactly("IN_APP");
        assertThat(deliveryLog(notEnrolled.registrationId()))
                .filteredOn(logged -> logged.eventId().equals(ordinary))
                .extracting(LoggedNotification::channel).containsExactlyInAnyOrder("EMAIL", "IN_APP");
    }

    /** Enrolled and not enrolled are approved; pending never was; withdrawn was approved, then withdrew. */
    private void meetTheDelegates() {
        TestEvents.publish(enrolled.conference());
        for (TestDelegate delegate : List.of(enrolled, notEnrolled, pending, withdrawn)) {
            TestEvents.publish(delegate.contact());
            TestEvents.publish(delegate.registered());
        }
        for (TestDelegate delegate : List.of(enrolled, notEnrolled, withdrawn)) {
            TestEvents.publish(delegate.approved());
        }
        TestEvents.publish(withdrawn.withdrawn());
        // Each delegate's events travel in their own partition: wait until this service has them all.
        awaitTemplate(enrolled, "registration-approved");
        awaitTemplate(notEnrolled, "registration-approved");
        awaitTemplate(pending, "registration-received");
        awaitTemplate(withdrawn, "registration-withdrawn");
    }

    private void switchOffEmail(TestDelegate delegate) {
        setPreferences(delegate, "{\"email\": false, \"sms\": true, \"inApp\": true}");
    }

    private void awaitTemplate(TestDelegate delegate, String template) {
        await().until(() -> deliveryLog(delegate.registrationId()).stream()
                .anyMatch(logged -> logged.template().equals(template)));
    }

    private static List<VEvent> calendarEvents(MimeMessage mail) throws Exception {
        byte[] ics = Mails.attachments(mail).get("programme.ics");
        assertThat(ics).as("calendar attachment").isNotNull();
        return new CalendarBuilder().build(new StringReader(new String(ics, StandardCharsets.UTF_8)))
                .getComponents("VEVENT");
    }
}
