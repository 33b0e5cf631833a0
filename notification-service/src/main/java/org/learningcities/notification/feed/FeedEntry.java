package org.learningcities.notification.feed;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One in-app notification as the stream sends it: the {@code data} of an SSE event whose {@code id} is its
 * position in the feed.
 *
 * @param sequence    its position in the feed, sent as the event id rather than in the data
 * @param transaction the id of the transaction that delivered it: the stream's order (see {@link InAppFeed})
 * @param id          the notification's id
 * @param critical    sent whatever the recipient's preferences say; a front end may show it more prominently
 */
record FeedEntry(@JsonIgnore long sequence, @JsonIgnore long transaction, UUID id, String recipientId,
                 String conferenceId, String template, String language, String title, String body, boolean critical,
                 Instant createdAt) {
}
