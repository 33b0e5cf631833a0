package org.learningcities.notification.delivery;

/** How a notification reaches its recipient. */
public enum Channel {

    /** Over SMTP, with attachments (badge, calendar). */
    EMAIL,
    /** A short text through an HTTP SMS provider; only for urgent messages. */
    SMS,
    /** The in-app feed, streamed to web and mobile front ends as server-sent events. */
    IN_APP
}
