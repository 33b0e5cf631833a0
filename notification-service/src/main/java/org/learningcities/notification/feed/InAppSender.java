package org.learningcities.notification.feed;

import org.learningcities.notification.delivery.Channel;
import org.learningcities.notification.delivery.ChannelSender;
import org.learningcities.notification.delivery.DeliveryOutcome;
import org.learningcities.notification.delivery.OutgoingMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Delivers an in-app message by keeping its text on the notification's row and giving it its place in the feed,
 * in the dispatcher's transaction: the feed streams it once that transaction has committed (see {@link InAppFeed}).
 */
@Component
class InAppSender implements ChannelSender {

    private final JdbcClient jdbc;

    InAppSender(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Channel channel() {
        return Channel.IN_APP;
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage message) {
        jdbc.sql("""
                update notification
                set title = ?, body = ?, feed_sequence = nextval('notification_feed_sequence'),
                    feed_xid = pg_current_xact_id()
                where id = ?""")
                .params(message.subject(), message.body(), message.notificationId())
                .update();
        return new DeliveryOutcome.Delivered("in-app", null);
    }
}
