package org.confab.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Messages stored for offline recipients. A message leaves the store only through
 * {@link #markDelivered}, whose result tells the one caller that removed it.
 */
public final class OfflineMessageRepository {

    private static final String SELECT =
            "SELECT id, recipient_id, sender, group_id, sent_at, is_text, data FROM offline_messages";

    private final Db db;

    OfflineMessageRepository(Db db) {
        this.db = db;
    }

    /** Stores the message (committed when this returns) and gives its id. */
    public long store(long recipientId, String sender, Integer groupId, long sentAtMillis, boolean text, byte[] data) {
        Names.require(sender, Names.MAX_ENTRY, "sender");
        Objects.requireNonNull(data, "data");
        return db.tx("store message for account #" + recipientId, sql -> sql.insert(
                "INSERT INTO offline_messages (recipient_id, sender, group_id, sent_at, is_text, data)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                recipientId, sender, groupId, sentAtMillis, text, data));
    }

    /** The recipient's messages, oldest first (by sentAt, then by arrival). */
    public List<StoredMessage> pending(long recipientId) {
        return db.tx("read messages for account #" + recipientId, sql -> sql.list(
                SELECT + " WHERE recipient_id = ? ORDER BY sent_at, id", OfflineMessageRepository::row, recipientId));
    }

    /**
     * At most {@code limit} of the recipient's messages that come after {@code after} in the order
     * of {@link #pending} (all of them from the first when {@code after} is null), so that a long
     * backlog can be delivered a page at a time.
     */
    public List<StoredMessage> pendingAfter(long recipientId, StoredMessage after, int limit) {
        if (after == null) {
            return db.tx("read messages for account #" + recipientId, sql -> sql.list(
                    SELECT + " WHERE recipient_id = ? ORDER BY sent_at, id LIMIT ?",
                    OfflineMessageRepository::row, recipientId, limit));
        }
        return db.tx("read messages for account #" + recipientId, sql -> sql.list(
                SELECT + " WHERE recipient_id = ? AND (sent_at > ? OR (sent_at = ? AND id > ?))"
                        + " ORDER BY sent_at, id LIMIT ?",
                OfflineMessageRepository::row, recipientId, after.sentAtMillis(), after.sentAtMillis(), after.id(), limit));
    }

    /** Deletes the message; true only for the call that actually removed it. */
    public boolean markDelivered(long id) {
        return db.tx("mark message #" + id + " delivered",
                sql -> sql.update("DELETE FROM offline_messages WHERE id = ?", id) > 0);
    }

    public int countPending(long recipientId) {
        return db.tx("count messages for account #" + recipientId, sql -> Math.toIntExact(
                sql.queryLong("SELECT COUNT(*) FROM offline_messages WHERE recipient_id = ?", recipientId)));
    }

    private static StoredMessage row(ResultSet rs) throws SQLException {
        return new StoredMessage(rs.getLong("id"), rs.getLong("recipient_id"), rs.getString("sender"),
                rs.getObject("group_id", Integer.class), rs.getLong("sent_at"), rs.getBoolean("is_text"),
                rs.getBytes("data"));
    }
}
