package org.learningcities.platform;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP server (GreenMail) that accepts mail for any address and keeps it in memory, with an IMAP server
 * to read it: log in with the recipient's address as user name and any password.
 */
public final class MailServer {

    private static final Logger log = LoggerFactory.getLogger(MailServer.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final int smtpPort;
    private final int imapPort;
    private final GreenMail greenMail;

    MailServer(int smtpPort, int imapPort) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, LOOPBACK, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, LOOPBACK, ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    public synchronized void start() {
        if (greenMail.isRunning()) {
            return;
        }
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            throw new PlatformStartupException("The mail server could not listen on SMTP port " + smtpPort
                    + " and IMAP port " + imapPort + ": " + e.getMessage(), e);
        }
        // GreenMail creates its delivery machinery on start, so the logging hook can only be added now.
        MessageDeliveryHandler deliver = greenMail.getUserManager().getMessageDeliveryHandler();
        greenMail.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
            logDelivery(message, recipient);
            return deliver.handle(message, recipient);
        });
        log.info("Mail server ready: SMTP localhost:{}, IMAP localhost:{}", smtpPort, imapPort);
    }

    public synchronized void stop() {
        greenMail.stop();
    }

    public boolean isRunning() {
        return greenMail.isRunning();
    }

    /**
     * The running GreenMail, for tests to inspect received mail. Empty mailboxes with
     * {@link GreenMail#purgeEmailFromAllMailboxes()}; {@code reset()} would drop the delivery log line.
     */
    public GreenMail greenMail() {
        return greenMail;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    private static void logDelivery(MovingMessage message, MailAddress recipient) {
        String subject;
        try {
            subject = message.getMessage().getSubject();
        } catch (MessagingException e) {
            subject = "(unreadable subject: " + e.getMessage() + ")";
        }
        log.info("Mail received for {}: {}", recipient.getEmail(), subject);
    }
}
