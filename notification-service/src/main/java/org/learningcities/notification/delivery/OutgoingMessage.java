package org.learningcities.notification.delivery;

import java.util.List;
import java.util.UUID;

import org.learningcities.notification.messages.Attachment;

/**
 * A notification written out in the recipient's language, with where to send it.
 *
 * @param notificationId stable across attempts: channels pass it on so a provider or receiver can drop a repeat
 * @param language       BCP 47 tag of the language it is written in, after falling back to English
 * @param email          null when unknown
 * @param phone          E.164, null when unknown
 * @param subject        the e-mail subject, and the title of an in-app message
 * @param body           the e-mail and in-app text
 * @param shortText      at most a few hundred characters, for SMS
 * @param critical       sent whatever the recipient's preferences say
 */
public record OutgoingMessage(UUID notificationId, Channel channel, String recipientId, String recipientName,
                              String email, String phone, String language, String subject, String body,
                              String shortText, List<Attachment> attachments, boolean critical) {

    public OutgoingMessage {
        attachments = List.copyOf(attachments);
    }
}
