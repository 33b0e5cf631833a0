package org.learningcities.platform;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
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
    private final List<Consumer<MailDelivery>> deliveryListeners = new CopyOnWriteArrayList<>();

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
        // GreenMail creates its delivery machinery on every start, so the hook that logs and notifies the
        // delivery listeners can only be added now (and is added afresh after a restart).
        MessageDeliveryHandler deliver = greenMail.getUserManager().getMessageDeliveryHandler();
        greenMail.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
            MailDelivery delivery = new MailDelivery(recipient.getEmail(), subjectOf(message), Instant.now());
            log.info("Mail received for {}: {}", delivery.recipient(), delivery.subject());
            GreenMailUser mailbox = deliver.handle(message, recipient);
            deliveryListeners.forEach(listener -> notifyQuietly(listener, delivery));
            return mailbox;
        });
        log.info("Mail server ready: SMTP localhost:{}, IMAP localhost:{}", smtpPort, imapPort);
    }

    /**
     * Calls {@code listener} for every message accepted from now on, once per recipient, after the message is in
     * the recipient's mailbox. It runs on GreenMail's SMTP thread, so it should be quick; an exception it throws is
     * logged and does not affect the delivery.
     */
    public void onDelivery(Consumer<MailDelivery> listener) {
        deliveryListeners.add(listener);
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

    private static String subjectOf(MovingMessage message) {
        try {
            return message.getMessage().getSubject();
        } catch (MessagingException e) {
            return "(unreadable subject: " + e.getMessage() + ")";
        }
    }

    private static void notifyQuietly(Consumer<MailDelivery> listener, MailDelivery delivery) {
        try {
            listener.accept(delivery);
        } catch (RuntimeException e) {
            log.warn("A mail delivery listener failed on {}", delivery, e);
        }
    }
}
