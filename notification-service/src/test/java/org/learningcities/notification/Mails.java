package org.learningcities.notification;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Reads what a real SMTP server received: the text a recipient reads and the files attached to it. */
public final class Mails {

    private Mails() {
    }

    /** The message's text, whether it is a plain message or the first part of one with attachments. */
    public static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof String text) {
                return text;
            }
            return findText((Multipart) content);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Attached files by name. */
    public static Map<String, byte[]> attachments(MimeMessage message) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            if (message.getContent() instanceof Multipart multipart) {
                collect(multipart, files);
            }
            return files;
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String findText(Multipart multipart) throws MessagingException, IOException {
        for (int index = 0; index < multipart.getCount(); index++) {
            BodyPart part = multipart.getBodyPart(index);
            if (part.getContent() instanceof Multipart nested) {
                String text = findText(nested);
                if (text != null) {
                    return text;
                }
            } else if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return (String) part.getContent();
            }
        }
        return null;
    }

    private static void collect(Multipart multipart, Map<String, byte[]> files) throws MessagingException, IOException {
        for (int index = 0; index < multipart.getCount(); index++) {
            BodyPart part = multipart.getBodyPart(index);
            if (part.getContent() instanceof Multipart nested) {
                collect(nested, files);
            } else if (part.getFileName() != null) {
                try (InputStream content = part.getInputStream()) {
                    files.put(part.getFileName(), content.readAllBytes());
                }
            }
        }
    }
}
