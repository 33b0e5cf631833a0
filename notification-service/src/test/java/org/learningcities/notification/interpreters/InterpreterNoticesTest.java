package org.learningcities.notification.interpreters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.learningcities.notification.TestProgramme.change;
import static org.learningcities.notification.TestProgramme.release;
import static org.learningcities.notification.TestProgramme.scheduled;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.learningcities.contracts.agenda.ScheduleReleased.SessionState;
import org.learningcities.contracts.interpretation.InterpreterAssigned;
import org.learningcities.contracts.interpretation.InterpreterContactChanged;
import org.learningcities.contracts.interpretation.InterpreterReleased;
import org.learningcities.notification.Mails;
import org.learningcities.notification.NotificationServiceTest;
import org.learningcities.notification.TestDelegate;
import org.learningcities.security.Role;
import org.learningcities.testsupport.TestEvents;
import org.learningcities.testsupport.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class InterpreterNoticesTest extends NotificationServiceTest {

    private final TestDelegate anyDelegate = TestDelegate.named("Grace", "Okafor", "en");
    private final String interpreterId = "interpreter-" + UUID.randomUUID();
    private final String email = interpreterId + "@interpreters.example";
    /** The interpreter's user account, linked to their roster entry by interpretation-service. */
    private final String interpreterAccount = "acct-" + interpreterId;
    private final SessionState opening = scheduled("opening-" + UUID.randomUUID(), "Opening plenary",
            Instant.parse("2013-10-21T01:00:00Z"), Instant.parse("2013-10-21T02:30:00Z"), "Hall A", false);

    @Test
    void tellsAnInterpreterTheirAssignmentWithACalendarEntry() throws Exception {
        conferenceWithOpening("es");

        String assignment = TestEvents.publish(new InterpreterAssigned(opening.sessionId(),
                anyDelegate.conferenceId(), interpreterId, "es", "en", Instant.now()));

        MimeMessage mail = awaitEmailCausedBy(email, assignment);
        assertThat(mail.getSubject()).contains("español", "Opening plenary");
        assertThat(Mails.text(mail)).contains("inglés");
        assertThat(new String(Mails.attachments(mail).get("programme.ics"), StandardCharsets.UTF_8))
                .contains("UID:" + opening.sessionId() + "@learningcities.org", "SUMMARY:Opening plenary");
        // The release's digest may reach the interpreter too, when the assignment is consumed before the release.
        assertThat(deliveryLog(interpreterId, "EMAIL")).filteredOn(logged -> logged.eventId().equals(assignment))
                .singleElement()
                .satisfies(logged -> assertThat(logged.recipientKind()).isEqualTo("INTERPRETER"));
    }

    @Test
    void tellsAnInterpreterTheyWereReleasedUnlessTheSessionWasCancelled() {
        conferenceWithOpening("en");
        String assignment = TestEvents.publish(new InterpreterAssigned(opening.sessionId(),
                anyDelegate.conferenceId(), interpreterId, "zh", null, Instant.now()));
        awaitEmailCausedBy(email, assignment);

        String cancelledWith = TestEvents.publish(new InterpreterReleased(opening.sessionId(),
                anyDelegate.conferenceId(), interpreterId, "zh", "SESSION_CANCELLED", Instant.now()));
        String moved = TestEvents.publish(new InterpreterReleased(opening.sessionId(), anyDelegate.conferenceId(),
                interpreterId, "zh", "REPLANNED", Instant.now().plusSeconds(1)));

        assertThat(awaitEmailCausedBy(email, moved)).isNotNull();
        await().during(Duration.ofSeconds(1)).until(() -> emailsCausedBy(email, cancelledWith).isEmpty());
        assertThat(deliveryLog(interpreterId)).noneMatch(logged -> logged.eventId().equals(cancelledWith));
    }

    @Test
    void interpreterReadsTheirOwnNotifications() {
        conferenceWithOpening("fr");
        String assignment = TestEvents.publish(new InterpreterAssigned(opening.sessionId(),
                anyDelegate.conferenceId(), interpreterId, "fr", null, Instant.now()));
        awaitEmailCausedBy(email, assignment);
        String interpreter = TestTokens.bearer(interpreterAccount, Role.INTERPRETER);
        String notificationId = deliveryLog(interpreterId, "EMAIL").getFirst().id();

        assertThat(mvc.get().uri("/api/notifications").param("recipientId", interpreterId)
                .header(HttpHeaders.AUTHORIZATION, interpreter))
                .hasStatusOk().bodyJson()
                .hasPathSatisfying("$[*].eventId", events -> assertThat(events).asList().contains(assignment));
        assertThat(mvc.get().uri("/api/notifications/{id}", notificationId)
                .header(HttpHeaders.AUTHORIZATION, interpreter)).hasStatusOk();
        assertThat(mvc.put().uri("/api/notification-preferences/{id}", interpreterId)
                .header(HttpHeaders.AUTHORIZATION, interpreter)
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\": true, \"sms\": false, \"inApp\": true}"))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/notification-preferences/{id}", interpreterId)
                .header(HttpHeaders.AUTHORIZATION, interpreter)).hasStatusOk();

        // Another interpreter's account, and the interpreter's account for someone else's messages: refused.
        String colleague = TestTokens.bearer("acct-interpreter-" + UUID.randomUUID(), Role.INTERPRETER);
        assertThat(mvc.get().uri("/api/notifications").param("recipientId", interpreterId)
                .header(HttpHeaders.AUTHORIZATION, colleague)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/notifications/{id}", notificationId)
                .header(HttpHeaders.AUTHORIZATION, colleague)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/notifications").param("recipientId", anyDelegate.registrationId())
                .header(HttpHeaders.AUTHORIZATION, interpreter)).hasStatus(HttpStatus.FORBIDDEN);

        // Unlinked from the roster entry, the account sees nothing more.
        TestEvents.publish(new InterpreterContactChanged(interpreterId, "Lucía", "Fernández", email, null, "fr",
                null));
        await().untilAsserted(() -> assertThat(mvc.get().uri("/api/notifications")
                .param("recipientId", interpreterId).header(HttpHeaders.AUTHORIZATION, interpreter))
                .hasStatus(HttpStatus.FORBIDDEN));
    }

    private void conferenceWithOpening(String interpreterLanguage) {
        TestEvents.publish(anyDelegate.conference());
        TestEvents.publish(new InterpreterContactChanged(interpreterId, "Lucía", "Fernández", email, null,
                interpreterLanguage, interpreterAccount));
        TestEvents.publish(release(anyDelegate.conferenceId(), 1, List.of(change(opening, "SCHEDULED")),
                List.of(opening)));
    }
}
