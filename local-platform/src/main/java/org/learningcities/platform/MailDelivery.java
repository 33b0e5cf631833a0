package org.learningcities.platform;

import java.time.Instant;

/**
 * One message the mail server accepted for one recipient (a message to two recipients is two deliveries).
 *
 * @param acceptedAt when GreenMail handed the message to the recipient's mailbox, i.e. once the SMTP client had
 *                   sent it completely
 */
public record MailDelivery(String recipient, String subject, Instant acceptedAt) {
}
