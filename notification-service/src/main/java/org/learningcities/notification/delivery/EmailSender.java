package org.learningcities.notification.delivery;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.learningcities.notification.messages.Attachment;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends e-mail over SMTP. Every SMTP failure counts as temporary: the next attempt may find the server back,
 * or the recipient's address corrected.
 */
@Component
class EmailSender implements ChannelSender {

    /** Lets a receiver recognise a message delivered again (after a commit failed behind a successful send). */
    static final String NOTIFICATION_ID_HEADER = "X-Notification-Id";

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader on every header it encodes, scanning every
        // jar of the Spring Boot jar each time (jakartaee/mail-api#861): measured at about 25 ms of CPU per e-mail,
        // the largest cost of a registration on the whole platform. Naming the provider makes the lookup a class load.
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final JavaMailSender mailSender;
    private final String from;
    private final String messageIdDomain;
    private final Tracer tracer;

    EmailSender(JavaMailSender mailSender,
                @Value("${notification.mail.from:Learning Cities Conference Secretariat <no-reply@learningcities.example>}")
                String from, ObjectProvider<Tracer> tracer) {
        this.mailSender = mailSender;
        this.from = from;
        this.messageIdDomain = domainOf(from);
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage message) {
        if (message.email() == null || message.email().isBlank()) {
            return new DeliveryOutcome.PermanentFailure("no e-mail address");
        }
        // The SMTP conversation as a client span of the delivery's trace: its time is the mail server's.
        Span span = tracer.spanBuilder().name("smtp send").kind(Span.Kind.CLIENT).remoteServiceName("smtp").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            mailSender.send(mime -> write(mime, message));
            return new DeliveryOutcome.Delivered("smtp", null);
        } catch (MailException failure) {
            span.error(failure);
            return new DeliveryOutcome.TemporaryFailure(failure.getClass().getSimpleName() + ": " + failure.getMessage());
        } finally {
            span.end();
        }
    }

    private static String domainOf(String from) {
        try {
            String address = new InternetAddress(from).getAddress();
            return address.substring(address.indexOf('@') + 1);
        } catch (AddressException e) {
            throw new IllegalArgumentException("notification.mail.from is not an e-mail address: " + from, e);
        }
    }

    private void write(MimeMessage mime, OutgoingMessage message) throws MessagingException, UnsupportedEncodingException {
        boolean multipart = !message.attachments().isEmpty();
        MimeMessageHelper mail = new MimeMessageHelper(mime, multipart, StandardCharsets.UTF_8.name());
        mail.setFrom(from);
        mail.setTo(new InternetAddress(message.email(), message.recipientName(), StandardCharsets.UTF_8.name()));
        mail.setSubject(message.subject());
        mail.setText(message.body());
        for (Attachment attachment : message.attachments()) {
            mail.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                    attachment.contentType());
        }
        mime.setHeader(NOTIFICATION_ID_HEADER, message.notificationId().toString());
        // The same Message-ID every time this notification is sent: when a send is repeated (the SMTP server took the
        // mail, then the commit marking it sent was lost), mail systems and clients see the same message twice, which
        // they recognise, rather than two messages. Spring keeps an explicitly set Message-ID.
        mime.setHeader("Message-ID", "<" + message.notificationId() + "@" + messageIdDomain + ">");
        mime.setHeader("Content-Language", message.language());
        // RFC 3834: out-of-office and other auto-responders must not answer.
        mime.setHeader("Auto-Submitted", "auto-generated");
        if (message.critical()) {
            mime.setHeader("Importance", "high");
        }
    }
}
