package org.learningcities.notification.enrolments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.learningcities.notification.TestProgramme.change;
import static org.learningcities.notification.TestProgramme.release;
import static org.learningcities.notification.TestProgramme.scheduled;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.learningcities.contracts.agenda.ScheduleReleased.SessionState;
import org.learningcities.notification.Mails;
import org.learningcities.notification.NotificationServiceTest;
import org.learningcities.notification.TestDelegate;
import org.learningcities.testsupport.TestEvents;

class EnrolmentNoticesTest extends NotificationServiceTest {

    private final SessionState visit = scheduled("visit-" + UUID.randomUUID(), "Study visit: Beijing Chaoyang",
            Instant.parse("2013-10-22T06:00:00Z"), Instant.parse("2013-10-22T09:00:00Z"), null, true);

    @Test
    void confirmsAPlaceOnceTheSessionsReleaseHasArrived() throws Exception {
        TestDelegate delegate = registered(TestDelegate.named("Grace", "Okafor", "en"));

        String enrolment = TestEvents.publish(delegate.enrolled(visit.sessionId()));

        await().untilAsserted(() -> assertThat(deliveryLog(delegate.registrationId(), "EMAIL"))
                .filteredOn(logged -> logged.eventId().equals(enrolment))
                .singleElement().satisfies(waiting -> assertThat(waiting.status()).isEqualTo("PENDING")));
        await().during(Duration.ofSeconds(1)).until(() -> emailsCausedBy(delegate.email(), enrolment).isEmpty());

        TestEvents.publish(release(delegate.conferenceId(), 1, List.of(change(visit, "SCHEDULED")), List.of(visit)));

        var email = awaitEmailCausedBy(delegate.email(), enrolment);
        assertThat(email.getSubject()).isEqualTo("Your place in “Study visit: Beijing Chaoyang” is confirmed");
        assertThat(Mails.text(email)).contains("Tue, Oct 22, 2013", "2:00", "5:00", "PM China Time", "to be announced");
    }

    @Test
    void tellsAWaitlistedDelegateTheirPlaceInLine() {
        TestDelegate delegate = registered(TestDelegate.named("Amélie", "Dubois", "fr"));
        TestEvents.publish(release(delegate.conferenceId(), 1, List.of(change(visit, "SCHEDULED")), List.of(visit)));

        String waitlisted = TestEvents.publish(delegate.waitlisted(visit.sessionId(), 1));

        assertThat(Mails.text(awaitEmailCausedBy(delegate.email(), waitlisted))).contains("1re");
    }

    @Test
    void tellsAPromotedDelegateThePlaceIsTheirs() throws Exception {
        TestDelegate delegate = registered(TestDelegate.named("伟", "王", "zh"));
        TestEvents.publish(release(delegate.conferenceId(), 1, List.of(change(visit, "SCHEDULED")), List.of(visit)));

        String promoted = TestEvents.publish(delegate.promoted(visit.sessionId()));

        var email = awaitEmailCausedBy(delegate.email(), promoted);
        assertThat(email.getSubject()).contains("Study visit: Beijing Chaoyang");
        assertThat(Mails.text(email)).startsWith("尊敬的王伟").contains("2013年10月22日");
    }

    private TestDelegate registered(TestDelegate delegate) {
        TestEvents.publish(delegate.conference());
        TestEvents.publish(delegate.contact());
        TestEvents.publish(delegate.registered());
        TestEvents.publish(delegate.approved());
        return delegate;
    }
}
