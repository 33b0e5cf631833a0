package org.learningcities.notification.messages;

import java.util.List;

/**
 * A message written out in one language, for every channel.
 *
 * @param language  BCP 47 tag of the language it is written in, after falling back to English
 * @param shortText for SMS
 */
public record ComposedMessage(String language, String recipientName, String subject, String body, String shortText,
                              List<Attachment> attachments) {

    public ComposedMessage {
        attachments = List.copyOf(attachments);
    }
}
