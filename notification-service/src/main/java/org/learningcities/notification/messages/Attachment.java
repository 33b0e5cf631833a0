package org.learningcities.notification.messages;

/** A file sent with an e-mail: the badge's QR code, an updated calendar. */
public record Attachment(String fileName, String contentType, byte[] content) {
}
