package org.learningcities.notification.delivery;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due e-mails over SMTP. Any failure (mail server down, message refused, text missing) is
 * retried with growing backoff, because the next attempt may find the server back or the contact
 * corrected; after {@code notification.mail.max-attempts} the e-mail is marked FAILED.
 */
@Component
class EmailDispatcher {

    /** Lets a receiver recognise a message delivered again (after a commit failed behind a successful send). */
    static final String NOTIFICATION_ID_HEADER = "X-Notification-Id";

    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);

    /** Bounds one run, so stopping the service never waits behind a long backlog; the next run goes on with it. */
    private static final int EMAILS_PER_RUN = 50;
    private static final int MAX_ERROR_LENGTH = 2000;

    private final Notifications notifications;
    private final EmailComposer composer;
    private final JavaMailSender mailSender;
    private final MailDeliveryProperties settings;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;

    EmailDispatcher(Notifications notifications, EmailComposer composer, JavaMailSender mailSender,
                    MailDeliveryProperties settings, PlatformTransactionManager transactions, MeterRegistry meters) {
        this.notifications = notifications;
        this.composer = composer;
        this.mailSender = mailSender;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${notification.mail.poll-interval:500ms}")
    void sendDueEmails() {
        int handled = 0;
        while (handled < EMAILS_PER_RUN && handleNextDueEmail()) {
            handled++;
        }
    }

    /**
     * One e-mail per transaction: its row stays locked only while its own message is handed to the
     * mail server. Should the commit fail after the server took the message, it is sent again later:
     * delivery is at least once, and {@value #NOTIFICATION_ID_HEADER} identifies the repeat.
     */
    private boolean handleNextDueEmail() {
        return Boolean.TRUE.equals(transaction.execute(status -> notifications.lockNextDueEmail()
                .map(email -> {
                    deliver(email);
                    return true;
                })
                .orElse(false)));
    }

    private void deliver(DueEmail email) {
        ComposedEmail composed;
        try {
            composed = composer.compose(email);
            mailSender.send(message -> write(message, email, composed));
        } catch (RuntimeException failure) {
            recordFailure(email, failure);
            return;
        }
        notifications.markSent(email.id(), composed.language().tag());
        count("sent");
    }

    private void write(MimeMessage message, DueEmail email, ComposedEmail composed)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessageHelper mail = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
        mail.setFrom(settings.from());
        mail.setTo(new InternetAddress(email.recipient().email(), composed.recipientName(),
                StandardCharsets.UTF_8.name()));
        mail.setSubject(composed.subject());
        mail.setText(composed.body());
        message.setHeader(NOTIFICATION_ID_HEADER, email.id().toString());
        message.setHeader("Content-Language", composed.language().tag());
        // RFC 3834: out-of-office and other auto-responders must not answer.
        message.setHeader("Auto-Submitted", "auto-generated");
    }

    private void recordFailure(DueEmail email, RuntimeException failure) {
        int attempts = email.attempts() + 1;
        String error = describe(failure);
        if (settings.givesUpAfter(attempts)) {
            notifications.markFailed(email.id(), error);
            log.error("E-mail notification {} given up after {} attempts: {}", email.id(), attempts, error);
            count("failed");
        } else {
            Duration backoff = settings.backoffAfter(attempts);
            notifications.scheduleRetry(email.id(), backoff, error);
            log.warn("E-mail notification {} not sent (attempt {}); next attempt in {}: {}",
                    email.id(), attempts, backoff, error);
            count("retried");
        }
    }

    private void count(String outcome) {
        meters.counter("notification.deliveries", "channel", "email", "outcome", outcome).increment();
    }

    private static String describe(RuntimeException failure) {
        String description = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return description.length() <= MAX_ERROR_LENGTH ? description : description.substring(0, MAX_ERROR_LENGTH);
    }
}
