package org.learningcities.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailServerTest {

    private static final String DELEGATE = "mayor@example.org";

    private MailServer mailServer;

    @BeforeEach
    void startMailServer() {
        FreePorts freePorts = new FreePorts();
        mailServer = new MailServer(freePorts.any(), freePorts.any());
        mailServer.start();
    }

    @AfterEach
    void stopMailServer() {
        mailServer.stop();
    }

    @Test
    void receivesMailSentOverSmtp() throws MessagingException {
        send("Your registration is approved");

        assertThat(mailServer.greenMail().waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = mailServer.greenMail().getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Your registration is approved");
        assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly(DELEGATE);
    }

    @Test
    void letsTheRecipientReadTheMailOverImapWithAnyPassword() throws MessagingException {
        send("学习型城市 — agenda changed");
        mailServer.greenMail().waitForIncomingEmail(5_000, 1);

        Properties imap = new Properties();
        imap.put("mail.imap.host", "localhost");
        imap.put("mail.imap.port", String.valueOf(mailServer.imapPort()));
        Store store = Session.getInstance(imap).getStore("imap");
        store.connect(DELEGATE, "any password");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessages()).extracting(Message::getSubject).containsExactly("学习型城市 — agenda changed");
        } finally {
            store.close();
        }
    }

    @Test
    void tellsListenersWhatItAcceptedAndWhen() throws MessagingException {
        List<MailDelivery> deliveries = new CopyOnWriteArrayList<>();
        mailServer.onDelivery(deliveries::add);
        Instant beforeSending = Instant.now();

        send("Interpretation booked");

        Instant afterSending = Instant.now();
        assertThat(deliveries).singleElement().satisfies(delivery -> {
            assertThat(delivery.recipient()).isEqualTo(DELEGATE);
            assertThat(delivery.subject()).isEqualTo("Interpretation booked");
            assertThat(delivery.acceptedAt()).isBetween(beforeSending, afterSending);
        });
    }

    private void send(String subject) throws MessagingException {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "localhost");
        smtp.put("mail.smtp.port", String.valueOf(mailServer.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(smtp));
        message.setFrom(new InternetAddress("secretariat@example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(DELEGATE));
        message.setSubject(subject, "UTF-8");
        message.setText("See the conference platform.", "UTF-8");
        Transport.send(message);
    }
}
