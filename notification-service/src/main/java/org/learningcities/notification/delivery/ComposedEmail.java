package org.learningcities.notification.delivery;

/** An e-mail written out in one language, ready to send. */
record ComposedEmail(CorrespondenceLanguage language, String recipientName, String subject, String body) {
}
