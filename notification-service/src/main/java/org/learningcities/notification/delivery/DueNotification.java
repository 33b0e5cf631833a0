package org.learningcities.notification.delivery;

import java.time.Instant;
import java.util.UUID;

import org.learningcities.notification.messages.Letter;

/**
 * A pending notification whose time has come, with everything needed to write and send it.
 *
 * @param email null when the recipient has none
 * @param phone E.164, null when the recipient has none
 * @param eventTime when the causing event happened, null when unknown
 * @param trace the trace it was queued in, which its send continues
 */
record DueNotification(UUID id, Channel channel, String conferenceId, int attempts, String email, String phone,
                       Letter letter, Instant eventTime, CausingTrace trace) {
}
