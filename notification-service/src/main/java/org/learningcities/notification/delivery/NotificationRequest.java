package org.learningcities.notification.delivery;

import java.util.Map;

import org.learningcities.notification.messages.MessageTemplate;

/**
 * A message some event calls for, to one recipient. Only what the event says is kept; names, addresses and
 * the conference's and session's details are read when it is written, so the latest of them are used.
 *
 * @param eventId   CloudEvents id of the causing event: with the recipient and channel, what makes it unique
 * @param sessionId the session it is about, or null; it waits until this service has the session's copy
 * @param critical  goes whatever the recipient's channel preferences say
 * @param facts     facts of the event the message shows, by {@link org.learningcities.notification.messages.MessageComposer.Facts}
 */
public record NotificationRequest(String eventId, String recipientId, RecipientKind recipientKind,
                                  String conferenceId, MessageTemplate template, String sessionId, boolean critical,
                                  Map<String, String> facts) {

    public NotificationRequest {
        facts = Map.copyOf(facts);
    }

    public static NotificationRequest toDelegate(String eventId, String registrationId, String conferenceId,
                                                 MessageTemplate template, Map<String, String> facts) {
        return new NotificationRequest(eventId, registrationId, RecipientKind.DELEGATE, conferenceId, template, null,
                false, facts);
    }

    public NotificationRequest aboutSession(String session) {
        return new NotificationRequest(eventId, recipientId, recipientKind, conferenceId, template, session, critical,
                facts);
    }
}
