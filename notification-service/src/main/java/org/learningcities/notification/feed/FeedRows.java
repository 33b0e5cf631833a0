package org.learningcities.notification.feed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads delivered in-app notifications from the notification table. */
@Component
class FeedRows {

    private static final String ENTRY_COLUMNS = """
            n.feed_sequence, n.feed_xid::text as feed_xid, n.id, n.recipient_id, n.conference_id, n.template, n.language, n.title, n.body,
            n.critical, n.created_at""";

    private final JdbcClient jdbc;

    FeedRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The oldest transaction id still running: every transaction below it has ended. */
    String currentHorizon() {
        return jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text")
                .query(String.class)
                .single();
    }

    /**
     * The entries written by transactions from {@code previousHorizon} up to the current horizon, in feed order,
     * with that horizon. One statement, so the horizon and the rows come from the same snapshot.
     */
    Window readWindow(String previousHorizon) {
        List<FeedEntry> entries = new ArrayList<>();
        String[] horizon = new String[1];
        jdbc.sql("""
                with snapshot as (select pg_snapshot_xmin(pg_current_snapshot()) as horizon)
                select s.horizon::text as horizon, %s
                from snapshot s
                left join notification n
                    on n.channel = 'IN_APP' and n.feed_xid >= cast(:previous as xid8) and n.feed_xid < s.horizon
                order by n.feed_sequence""".formatted(ENTRY_COLUMNS))
                .param("previous", previousHorizon)
                .query(row -> {
                    horizon[0] = row.getString("horizon");
                    if (row.getObject("feed_sequence") != null) {
                        entries.add(entry(row));
                    }
                });
        return new Window(horizon[0], entries);
    }

    /**
     * What a client that last received the entry numbered {@code lastSequence} has not seen, in feed order: entries
     * with a higher number, and also those of later transactions, since a transaction that took a lower number may
     * commit after the client received this entry (the stream goes by transaction, see {@link InAppFeed}). Entries
     * of later transactions that were streamed before it are sent again; a client drops a repeat by its id.
     */
    Replay missedAfter(String recipientId, long lastSequence) {
        long lastTransaction = jdbc.sql("""
                select feed_xid::text from notification
                where channel = 'IN_APP' and recipient_id = ? and feed_sequence = ?""")
                .params(recipientId, lastSequence)
                .query(String.class)
                .optional()
                .map(Long::parseLong)
                .orElse(Long.MAX_VALUE);     // an id the client cannot have received: resume by number alone
        List<FeedEntry> missed = jdbc.sql("""
                select %s
                from notification n
                where n.channel = 'IN_APP' and n.recipient_id = :recipientId
                  and (n.feed_sequence > :lastSequence or n.feed_xid > cast(:lastTransaction as xid8))
                order by n.feed_sequence""".formatted(ENTRY_COLUMNS))
                .param("recipientId", recipientId)
                .param("lastSequence", lastSequence)
                .param("lastTransaction", Long.toString(lastTransaction))
                .query((row, rowNumber) -> entry(row))
                .list();
        return new Replay(new Position(lastSequence, lastTransaction), missed);
    }

    private static FeedEntry entry(ResultSet row) throws SQLException {
        return new FeedEntry(row.getLong("feed_sequence"), Long.parseLong(row.getString("feed_xid")),
                row.getObject("id", UUID.class),
                row.getString("recipient_id"), row.getString("conference_id"), row.getString("template"),
                row.getString("language"), row.getString("title"), row.getString("body"), row.getBoolean("critical"),
                row.getTimestamp("created_at").toInstant());
    }

    /** @param horizon where the next read starts */
    record Window(String horizon, List<FeedEntry> entries) {
    }

    /** @param lastSeen the entry the client last received: it has every entry numbered and committed up to it */
    record Replay(Position lastSeen, List<FeedEntry> missed) {
    }

    record Position(long sequence, long transaction) {

        /** Numbered no later and delivered by no later a transaction: streamed before this position, never after. */
        boolean covers(FeedEntry entry) {
            return entry.sequence() <= sequence && entry.transaction() <= transaction;
        }
    }
}
